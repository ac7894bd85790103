package io.github.vforklint.scan;

import io.github.vforklint.knowledge.FunctionKnowledge;
import io.github.vforklint.rules.RuleCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the compiler's own stdarg.h defines, without --system-includes: va_start with one argument
 * (C23) or two. The fixture compiler_headers.c holds the two-argument form; GCC 12's own header,
 * which the fixtures are also scanned with, knows only that one.
 */
class CompilerHeaderMacrosTest {

    @TempDir
    Path dir;

    @Test
    void vaStartTakesOneArgumentAsC23Allows() throws Exception {
        Files.writeString(dir.resolve("c23.c"), String.join("\n",
                "#include <stdarg.h>", "#include <stdlib.h>", "#include <string.h>", "#include <unistd.h>",
                "int spawn(const char *path, ...) {",
                "    char *argv[8];", "    int n = 0;", "    va_list ap;",
                "    if (vfork() == 0) {",
                "        for (va_start(ap); n < 7 && (argv[n] = strdup(va_arg(ap, char *))) != NULL; n++)",
                "            ;",
                "        execv(path, argv);", "        _exit(127);", "    }", "    return 0;", "}", ""));
        ScanResult result = new Scanner(ScanOptions.defaults(dir), FunctionKnowledge.load(), RuleCatalogue.load())
                .scan(List.of(dir));
        assertEquals(List.of("VFK101"), result.findings().stream().map(f -> f.ruleId()).toList(),
                "strdup() in the loop's condition: " + result.diagnostics());
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().contains("could not parse")),
                result.diagnostics().toString());
    }
}
