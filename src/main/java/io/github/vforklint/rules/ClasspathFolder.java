package io.github.vforklint.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Lists and reads the files of a folder on the classpath, whether it is a directory or inside the jar. */
final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** File names and contents of the folder's files whose names end in {@code suffix}, sorted by name. */
    static Map<String, String> read(String folder, String marker, String suffix) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(folder + "/" + marker);
        if (url == null) {
            throw new IllegalStateException("catalogue folder missing from the classpath: " + folder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return readDirectory(fs.getPath(folder), suffix);
            }
            return readDirectory(Path.of(uri).getParent(), suffix);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readDirectory(Path dir, String suffix) throws IOException {
        java.util.TreeMap<String, String> result = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            for (Path p : matching) {
                try {
                    result.put(p.getFileName().toString(), Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return result;
    }
}
