// pedigree-bench: measures Pedigree's stages against baselines measured in the same run (`make bench`).
print("no benchmarks yet")
