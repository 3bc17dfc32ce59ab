"""The Jupyter front ends: magics, the panel, async kernel tasks. Imported only by the extension."""
