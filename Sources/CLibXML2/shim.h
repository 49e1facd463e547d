#ifndef PEDIGREE_CLIBXML2_SHIM_H
#define PEDIGREE_CLIBXML2_SHIM_H
/* Foundation on Linux bundles its own ICU; the system libxml2 headers must not pull in the system one. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/* libxml2's generic error callback is variadic, a function type Swift cannot express, so the no-op
 * that keeps libxml2 from writing to stderr is written here. The callback is per thread. */
static void pedigree_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void pedigree_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, pedigree_xml_ignore_generic_error);
}
#endif
