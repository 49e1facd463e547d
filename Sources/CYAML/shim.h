#ifndef PEDIGREE_CYAML_SHIM_H
#define PEDIGREE_CYAML_SHIM_H
#include <yaml.h>
#endif
