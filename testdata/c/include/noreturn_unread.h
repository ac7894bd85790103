/* A project header that declares its fatal helpers noreturn through a macro defined in a header
 * this one does not include (testdata/c/noreturn_in_header.c): the parser cannot read the
 * attribute, and splits each declaration around the unknown word. */
void fatal_after(const char *why) ATTRIBUTE_NORETURN;
ATTRIBUTE_NORETURN void fatal_before(const char *why);
void fatal_own_line(const char *why)
    ATTRIBUTE_NORETURN
    ;
