package dev.lifecycle.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command's arguments: positional ones, options with a value ({@code --store PATH} or {@code
 * --store=PATH}, repeatable) and flags ({@code --all}). {@code --} ends the options. Any option the
 * command does not know is a {@link UsageException} naming it.
 */
final class Arguments {

  private final List<String> positional;
  private final Map<String, List<String>> values;

  private Arguments(List<String> positional, Map<String, List<String>> values) {
    this.positional = positional;
    this.values = values;
  }

  /**
   * @param withValue the options that take a value, without their {@code --}
   * @param flags the options that take none
   */
  static Arguments parse(List<String> args, String command, Set<String> withValue, Set<String> flags)
      throws UsageException {
    List<String> positional = new ArrayList<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        positional.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        positional.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = arg.substring(2, equals < 0 ? arg.length() : equals);
      if (flags.contains(name)) {
        if (equals >= 0) {
          throw new UsageException(command + ": --" + name + " takes no value, but was given \""
              + arg.substring(equals + 1) + "\"");
        }
        values.computeIfAbsent(name, n -> new ArrayList<>()).add("");
      } else if (withValue.contains(name)) {
        String value;
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new UsageException(command + ": --" + name + " needs a value");
        }
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      } else {
        List<String> known = new ArrayList<>();
        withValue.forEach(o -> known.add("--" + o));
        flags.forEach(o -> known.add("--" + o));
        known.sort(null);
        throw new UsageException(command + ": unknown option --" + name
            + (known.isEmpty() ? " (it takes no options)" : " (it knows " + String.join(", ", known) + ")"));
      }
    }
    return new Arguments(List.copyOf(positional), values);
  }

  List<String> positional() {
    return positional;
  }

  /** The option's value; a {@link UsageException} when it was given twice. */
  Optional<String> value(String name, String command) throws UsageException {
    List<String> all = values(name);
    if (all.size() > 1) {
      throw new UsageException(command + ": --" + name + " was given " + all.size() + " times; give it once");
    }
    return all.stream().findFirst();
  }

  /** Every value of a repeatable option, in order. */
  List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }
}
