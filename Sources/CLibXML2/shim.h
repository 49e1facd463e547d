#ifndef PEDIGREE_CLIBXML2_SHIM_H
#define PEDIGREE_CLIBXML2_SHIM_H
/* Foundation on Linux bundles its own ICU; the system libxml2 headers must not pull in the system one. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#endif
