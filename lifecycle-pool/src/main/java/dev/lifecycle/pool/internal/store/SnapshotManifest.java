package dev.lifecycle.pool.internal.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The manifest of a snapshot directory, a {@code .properties} file: the full key, creation time,
 * and the name, size and SHA-256 of every image file, plus a checksum over those.
 *
 * <p>Written last, so a directory without one was never finished; per-file sizes catch a
 * truncated file cheaply, per-file SHA-256s a corrupted one and name it.
 *
 * @param key the key the snapshot was built for
 * @param created when the build finished
 * @param files the image files, sorted by name
 */
record SnapshotManifest(SnapshotKey key, Instant created, List<FileEntry> files) {

  static final String FILE_NAME = "manifest.properties";
  private static final String FORMAT = "1";

  /** One image file, named relative to the snapshot directory with {@code /}. */
  record FileEntry(String name, long size, String sha256) {}

  SnapshotManifest {
    files = List.copyOf(files);
  }

  /** Describes the image files now in {@code dir} (everything but the manifest). */
  static SnapshotManifest describe(Path dir, SnapshotKey key, Instant created) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(FILE_NAME))
          .sorted((a, b) -> name(dir, a).compareTo(name(dir, b)))
          .toList();
    }
    List<FileEntry> entries = new ArrayList<>();
    for (Path p : paths) {
      entries.add(new FileEntry(name(dir, p), Files.size(p), Hashing.sha256Hex(p)));
    }
    return new SnapshotManifest(key, created, entries);
  }

  long imageSize() {
    return files.stream().mapToLong(FileEntry::size).sum();
  }

  /** SHA-256 over every file's name, size and SHA-256, in name order. */
  String checksum() {
    MessageDigest digest = Hashing.sha256();
    for (FileEntry f : files) {
      Hashing.updateField(digest, f.name() + " " + f.size() + " " + f.sha256());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Writes the manifest and forces it to disk: its presence is what marks the build complete. */
  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("key.digest", key.digest());
    p.setProperty("key.serviceClass", key.serviceClass());
    p.setProperty("key.classpathDigest", key.classpathDigest());
    p.setProperty("key.javaVersion", key.javaVersion());
    p.setProperty("key.jvmOptions.count", Integer.toString(key.jvmOptions().size()));
    for (int i = 0; i < key.jvmOptions().size(); i++) {
      p.setProperty("key.jvmOptions." + i, key.jvmOptions().get(i));
    }
    p.setProperty("key.engineIdentity", key.engineIdentity());
    p.setProperty("key.kernelRelease", key.kernelRelease());
    List<Map.Entry<String, String>> parameters = List.copyOf(key.parameters().entrySet());
    p.setProperty("key.parameters.count", Integer.toString(parameters.size()));
    for (int i = 0; i < parameters.size(); i++) {
      p.setProperty("key.parameters." + i + ".name", parameters.get(i).getKey());
      p.setProperty("key.parameters." + i + ".value", parameters.get(i).getValue());
    }
    p.setProperty("created", created.toString());
    p.setProperty("image.size", Long.toString(imageSize()));
    p.setProperty("image.checksum", checksum());
    p.setProperty("image.files", Integer.toString(files.size()));
    for (int i = 0; i < files.size(); i++) {
      FileEntry f = files.get(i);
      p.setProperty("file." + i + ".name", f.name());
      p.setProperty("file." + i + ".size", Long.toString(f.size()));
      p.setProperty("file." + i + ".sha256", f.sha256());
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "Lifecycle memory snapshot; an image holds process memory: keep this directory 0700");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Reads a manifest.
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when it is incomplete or malformed, saying what is wrong
   */
  static SnapshotManifest read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new IllegalArgumentException("unknown manifest format " + p.getProperty("format"));
    }
    int optionCount = Integer.parseInt(required(p, "key.jvmOptions.count"));
    List<String> options = new ArrayList<>();
    for (int i = 0; i < optionCount; i++) {
      options.add(required(p, "key.jvmOptions." + i));
    }
    // Absent from manifests written before parameters existed: those keys have none.
    int parameterCount = Integer.parseInt(p.getProperty("key.parameters.count", "0"));
    Map<String, String> parameters = new TreeMap<>();
    for (int i = 0; i < parameterCount; i++) {
      parameters.put(required(p, "key.parameters." + i + ".name"),
          required(p, "key.parameters." + i + ".value"));
    }
    SnapshotKey key = new SnapshotKey(required(p, "key.serviceClass"),
        required(p, "key.classpathDigest"), required(p, "key.javaVersion"), options,
        required(p, "key.engineIdentity"), required(p, "key.kernelRelease"), parameters);
    if (!key.digest().equals(required(p, "key.digest"))) {
      throw new IllegalArgumentException("key.digest does not match the key fields (edited manifest?)");
    }
    int fileCount = Integer.parseInt(required(p, "image.files"));
    List<FileEntry> files = new ArrayList<>();
    for (int i = 0; i < fileCount; i++) {
      files.add(new FileEntry(required(p, "file." + i + ".name"),
          Long.parseLong(required(p, "file." + i + ".size")), required(p, "file." + i + ".sha256")));
    }
    SnapshotManifest manifest = new SnapshotManifest(key, Instant.parse(required(p, "created")), files);
    if (!manifest.checksum().equals(required(p, "image.checksum"))
        || manifest.imageSize() != Long.parseLong(required(p, "image.size"))) {
      throw new IllegalArgumentException("image.checksum or image.size does not match the file list");
    }
    return manifest;
  }

  private static String required(Properties p, String name) {
    String value = p.getProperty(name);
    if (value == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return value;
  }

  private static String name(Path dir, Path file) {
    return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
