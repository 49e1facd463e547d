import sys
print("not an sbom")
