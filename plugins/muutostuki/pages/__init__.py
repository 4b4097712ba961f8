"""Page generators: each turns the Site model into PageSpecs (no MkDocs import)."""
