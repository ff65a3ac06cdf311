"""What one build has loaded, shared by the hooks (each hook is a separate module; this one is imported once)."""

from __future__ import annotations

from .dataset import Dataset

dataset: Dataset = Dataset()
