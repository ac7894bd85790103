package io.github.vforklint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Reading a file to search it: its bytes are searched for words and, when asked, for the lines
 * that begin function definitions, then let go. Any thread may read; each reuses its own buffer.
 */
final class FilePass {

    /** What one read of a file gave: the words found and the functions defined, or why it was not read. */
    record Scanned(long[] found, long[] definitions, String problem) {
    }

    private static final long[] NONE = new long[0];

    private FilePass() {
    }

    /**
     * A pool whose threads each keep a read buffer, which grows to the largest file the thread
     * reads and goes with the thread when the pool is shut down.
     */
    static ForkJoinPool newPool(int threads) {
        // numbered here: a worker's pool index is not known yet while it is being made
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        return new ForkJoinPool(Math.max(1, threads), pool -> new ReaderThread(pool, made.getAndIncrement()), null, false);
    }

    /** A pool thread with its buffer. */
    private static final class ReaderThread extends ForkJoinWorkerThread {
        private final Reader reader = new Reader();

        ReaderThread(ForkJoinPool pool, int number) {
            super(pool);
            setName("vforklint-read-" + number);
        }
    }

    /**
     * Reads {@code file} and looks for {@code search}'s words in it and, when asked, the
     * definitions. On a thread of {@link #newPool} the thread's buffer is reused; any other thread
     * gets a buffer of its own for this file.
     */
    static Scanned scan(Path file, WordSearch search, boolean definitions, SourceTree.Limits limits) {
        Reader reader = Thread.currentThread() instanceof ReaderThread own ? own.reader : new Reader();
        try {
            return reader.read(file, search, definitions, limits);
        } catch (IOException e) {
            return new Scanned(null, NONE, "cannot read it: " + SourceTree.reason(e));
        }
    }

    /**
     * Reads each of {@code files} again with {@code jobs} threads, looking for {@code search}'s
     * words: for each file (by position), the words it holds, or null when it was not read.
     */
    static long[][] searchAgain(List<SourceFile> files, WordSearch search, SourceTree.Limits limits, int jobs) {
        long[][] found = new long[files.size()][];
        onReaders(Math.min(jobs, files.size() / 64 + 1), () -> java.util.stream.IntStream.range(0, files.size()).parallel()
                .forEach(i -> found[i] = scan(files.get(i).path(), search, false, limits).found()));
        return found;
    }

    /**
     * Reads each of {@code files} again with {@code jobs} threads for the lines that begin function
     * definitions: for each file (by position), the hashes of the names it appears to define. A
     * file that cannot be read now (gone since the walk) defines nothing.
     */
    static long[][] definitionsIn(List<SourceFile> files, SourceTree.Limits limits, int jobs) {
        long[][] defined = new long[files.size()][];
        WordSearch noWords = new WordSearch(List.of());
        onReaders(Math.min(jobs, files.size() / 64 + 1), () -> java.util.stream.IntStream.range(0, files.size()).parallel()
                .forEach(i -> defined[i] = scan(files.get(i).path(), noWords, true, limits).definitions()));
        return defined;
    }

    /** Runs {@code work} (which may go parallel) on a pool of {@code threads} reading threads, and waits for it. */
    static void onReaders(int threads, Runnable work) {
        onReaders(threads, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #onReaders(int, Runnable)}, for work that gives a result. */
    static <T> T onReaders(int threads, java.util.concurrent.Callable<T> work) {
        ForkJoinPool pool = newPool(threads);
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the tree was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
    /** One thread's buffers. */
    private static final class Reader {
        private final FileBuffer buffer = new FileBuffer();
        private long[] lineDefinitions = new long[64];
        private int count;

        Scanned read(Path file, WordSearch search, boolean definitions, SourceTree.Limits limits) throws IOException {
            int length = buffer.read(file, limits.maxFileBytes());
            if (length < 0) {
                return new Scanned(null, NONE, "larger than " + limits.shown() + "; skipped");
            }
            byte[] text = buffer.bytes();
            long[] words = search.newFound();
            count = 0;
            search.scan(text, length, words, definitions ? start -> definition(text, length, start) : null);
            return new Scanned(words, count == 0 ? NONE : java.util.Arrays.copyOf(lineDefinitions, count), null);
        }

        private void definition(byte[] text, int length, int start) {
            long h = DefinitionLines.definedName(text, length, start);
            if (h == 0) {
                return;
            }
            if (count == lineDefinitions.length) {
                lineDefinitions = java.util.Arrays.copyOf(lineDefinitions, count * 2);
            }
            lineDefinitions[count++] = h;
        }
    }

    /** A reusable read buffer: the index reads tens of thousands of files, most of them small. */
    static final class FileBuffer {
        private byte[] bytes = new byte[1 << 16];
        private ByteBuffer direct = ByteBuffer.allocateDirect(1 << 16);

        byte[] bytes() {
            return bytes;
        }

        /**
         * Reads the whole file; -1 when it is larger than {@code limit}. A UTF-16 file comes back
         * as UTF-8, so that its words are bytes like every other file's.
         */
        int read(Path file, long limit) throws IOException {
            int n = readRaw(file, limit);
            byte[] transcoded = n < 0 ? null : SourceText.utf16AsUtf8(bytes, n);
            if (transcoded == null) {
                return n;
            }
            if (transcoded.length > bytes.length) {
                bytes = new byte[transcoded.length];
            }
            System.arraycopy(transcoded, 0, bytes, 0, transcoded.length);
            return transcoded.length;
        }

        private int readRaw(Path file, long limit) throws IOException {
            try (FileChannel in = FileChannel.open(file)) {
                long size = in.size();
                if (size > limit) {
                    return -1;
                }
                ensure(size + 1, 0, limit + 1);
                direct.clear();
                // As much as the system reported: asking once more only to be told "end of file"
                // would cost a call per file. A file reported empty, as some special files are,
                // is read to its end; one that grows while read is read as it was.
                while (size == 0 || direct.position() < size) {
                    if (!direct.hasRemaining()) {
                        if (direct.position() > limit) {
                            return -1;
                        }
                        ensure(Math.min(2L * direct.position(), limit + 1), direct.position(), limit + 1);
                    }
                    if (in.read(direct) < 0) {
                        break;
                    }
                }
                int n = direct.position();
                if (n > limit) {
                    return -1;
                }
                direct.flip().get(bytes, 0, n);
                return n;
            }
        }

        /**
         * Room for {@code length} bytes, keeping the first {@code kept} read (a file that grew
         * while read). Files are read into memory outside the heap, which the system copies into
         * directly, then copied once into the array the search reads. The two grow apart: a UTF-16
         * file's UTF-8 makes the array alone larger.
         */
        private void ensure(long length, int kept, long cap) {
            if (length > direct.capacity()) {
                ByteBuffer larger = ByteBuffer.allocateDirect(grown(length, direct.capacity(), cap));
                if (kept > 0) {
                    direct.flip();
                    larger.put(direct);
                }
                direct = larger;
            }
            if (length > bytes.length) {
                bytes = new byte[grown(length, bytes.length, cap)];
            }
        }

        /**
         * At least twice the old size, up to what the size limit needs: sized to each larger file
         * in turn, the buffers of a kernel pass added up to 90 MB (13,000 more pages for the
         * system to map and clear).
         */
        private static int grown(long length, int old, long cap) {
            return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(length, Math.min(2L * old, cap)));
        }
    }
}
