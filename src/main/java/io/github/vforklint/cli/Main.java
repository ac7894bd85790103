package io.github.vforklint.cli;

import picocli.CommandLine;

/** Process entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code instead of exiting, for tests and embedding. */
    public static int run(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler below; an Error thrown on this thread lands here.
            return outOfMemory(cli.getErr());
        } catch (Error e) {
            // Uncaught, the JVM would print a stack trace and exit 1, which reads as "findings".
            return internalError(cli.getErr(), e);
        }
    }

    /**
     * Running out of memory says nothing about the scanned code (exit 1) and is no bug in
     * vforklint (exit 4): the input was larger than the heap allows. Exit 3, with what to do.
     */
    static int outOfMemory(java.io.PrintWriter err) {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        err.println("vforklint: out of memory (the Java heap is " + heapMiB + " MiB); nothing was reported. Give Java"
                + " more (VFORKLINT_JAVA_OPTS=-Xmx4g with ./vforklint, or java -Xmx4g -jar), or leave the largest"
                + " files out with --exclude");
        err.flush();
        return ExitCode.INCOMPLETE.code();
    }

    private static int internalError(java.io.PrintWriter err, Throwable e) {
        err.println("vforklint: internal error: " + e);
        if (System.getenv("VFORKLINT_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("vforklint: set VFORKLINT_DEBUG=1 for the stack trace, and please report it");
        }
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /** Whether an exception carries an OutOfMemoryError, as one from a worker thread does. */
    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VforklintCommand());
        cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL.code());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException usage) {
                commandLine.getErr().println("vforklint: " + usage.getMessage());
                return ExitCode.USAGE.code();
            }
            if (causedByOutOfMemory(e)) {
                return outOfMemory(commandLine.getErr());
            }
            return internalError(commandLine.getErr(), e);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("vforklint: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE.code();
        });
        return cli;
    }
}
