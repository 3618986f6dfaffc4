package dev.lifecycle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code lifecycle install-criu}: runs (or prints) the install script this jar ships, the one
 * this repository's {@code scripts/install-criu.sh} runs too.
 */
final class InstallCriuCommand {

  static final String RESOURCE = "install-criu.sh";

  static final String USAGE = String.join("\n",
      "usage: lifecycle install-criu [--prefix DIR] [--print-path]",
      "       lifecycle install-criu --print > install-criu.sh",
      "  Finds a working criu 4.1+ ($LIFECYCLE_CRIU, DIR/bin/criu, PATH) or builds CRIU 4.1.1 from",
      "  Debian's source package into DIR/bin/criu (Debian 12 or later; needs root).",
      "  DIR defaults to /usr/local/lib/lifecycle/criu, where the runtime looks for it.",
      "  --print-path  prints the path of a working criu and exits 1 if there is none",
      "  --print       prints the script instead of running it");

  private InstallCriuCommand() {}

  static int run(List<String> args, PrintStream out) throws UsageException, IOException, InterruptedException {
    String command = "lifecycle install-criu";
    Arguments a = Arguments.parse(args, command, Set.of("prefix"), Set.of("print", "print-path"));
    if (!a.positional().isEmpty()) {
      throw new UsageException(command + ": unexpected argument \"" + a.positional().get(0) + "\"\n" + USAGE);
    }
    if (a.flag("print")) {
      if (a.flag("print-path") || a.value("prefix", command).isPresent()) {
        throw new UsageException(command + ": --print prints the script and takes no other option\n" + USAGE);
      }
      out.write(script());
      out.flush();
      return 0;
    }
    Path dir = Files.createTempDirectory("lifecycle-install-criu-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path script = dir.resolve(RESOURCE);
      Files.write(script, script());
      List<String> command2 = new ArrayList<>(List.of("bash", script.toString()));
      if (a.value("prefix", command).isPresent()) {
        command2.add("--prefix");
        command2.add(a.value("prefix", command).get());
      }
      if (a.flag("print-path")) {
        command2.add("--print-path");
      }
      out.flush();
      Process p = new ProcessBuilder(command2).inheritIO().start();
      return p.waitFor();
    } finally {
      Files.deleteIfExists(dir.resolve(RESOURCE));
      Files.deleteIfExists(dir);
    }
  }

  static byte[] script() throws IOException {
    try (InputStream in = InstallCriuCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("this lifecycle-cli jar lacks its " + RESOURCE + "; it is damaged: download it again");
      }
      return in.readAllBytes();
    }
  }
}
