// Placeholder: writes schema/*.json from the zod config schema and result model (foundation work).
