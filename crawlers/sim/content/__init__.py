"""Report and near-miss texts for the imitation portals, written for this project."""
