"""The analysis core: Plan, validation, executor, charts, Result. Pure pandas; no Jupyter, no LLM."""
