"""Qt item models and Qt-side state (stores) of Moorage; no widgets."""
