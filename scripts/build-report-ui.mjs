// Placeholder until the report UI lands: nothing to bundle yet.
