"""Widgets, pages and dialogs of Moorage: they read models and call stores."""
