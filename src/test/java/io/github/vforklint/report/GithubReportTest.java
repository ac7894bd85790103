package io.github.vforklint.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GithubReportTest {

    @Test
    void escapingFollowsTheActionsToolkit() {
        assertEquals("50%25 done%0D%0Anext: a, b", GithubReport.data("50% done\r\nnext: a, b"));
        assertEquals("file%3A1%2C2", GithubReport.property("file:1,2"));
    }
}
