package dev.lifecycle.runtime.internal.safety;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Describes sockets by inode, from the kernel's tables in {@code /proc/self/net}: {@code tcp},
 * {@code tcp6}, {@code udp}, {@code udp6}, {@code unix} and {@code netlink}.
 *
 * <p>{@code /proc/self/fd} shows a socket only as {@code socket:[inode]}; these tables are where
 * the kernel says what that inode is. Loaded once per scan: the tables are small.
 */
final class SocketTable {

  private static final String[] TCP_STATES = {
    "?", "connected", "syn-sent", "syn-received", "fin-wait-1", "fin-wait-2", "time-wait",
    "closed", "close-wait", "last-ack", "listening", "closing", "new-syn-received"
  };

  private final Map<Long, String> byInode;
  private final Set<Long> peerClosed;

  private SocketTable(Map<Long, String> byInode, Set<Long> peerClosed) {
    this.byInode = byInode;
    this.peerClosed = peerClosed;
  }

  /** Reads the tables under {@code procNet} (normally {@code /proc/self/net}); missing ones are skipped. */
  static SocketTable load(Path procNet) {
    Map<Long, String> map = new HashMap<>();
    Set<Long> peerClosed = new HashSet<>();
    readInet(procNet.resolve("tcp"), "TCP", map);
    readInet(procNet.resolve("tcp6"), "TCP", map);
    readInet(procNet.resolve("udp"), "UDP", map);
    readInet(procNet.resolve("udp6"), "UDP", map);
    readUnix(procNet.resolve("unix"), map, peerClosed);
    readNetlink(procNet.resolve("netlink"), map);
    return new SocketTable(map, peerClosed);
  }

  /** What socket {@code inode} is, e.g. {@code TCP *:8080 (listening)}. */
  Optional<String> describe(long inode) {
    return Optional.ofNullable(byInode.get(inode));
  }

  /**
   * Whether {@code inode} is an unnamed Unix stream socket whose peer has closed. Every JVM that
   * uses NIO has one: the JDK creates a socketpair at start-up, closes one end and keeps the other
   * to implement asynchronous close (dup2 over a descriptor being closed). A checkpoint
   * takes and restores such a "semi-closed connection" as it is.
   */
  boolean isPeerClosedUnixSocket(long inode) {
    return peerClosed.contains(inode);
  }

  private static void readInet(Path table, String protocol, Map<Long, String> out) {
    for (String[] f : rows(table)) {
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      if (f.length < 10) {
        continue;
      }
      try {
        String local = endpoint(f[1]);
        String remote = endpoint(f[2]);
        int state = Integer.parseInt(f[3], 16);
        out.put(Long.parseLong(f[9]), describeInet(protocol, local, remote, state));
      } catch (RuntimeException | UnknownHostException e) {
        // A line we cannot parse leaves that socket described by its inode only.
      }
    }
  }

  static String describeInet(String protocol, String local, String remote, int state) {
    boolean noPeer = remote.equals("*:0");
    if (protocol.equals("UDP")) {
      return noPeer ? "UDP " + local : "UDP " + local + " -> " + remote + " (connected)";
    }
    String stateName = state > 0 && state < TCP_STATES.length ? TCP_STATES[state] : "state " + state;
    if (state == 0x0A || noPeer) {
      return "TCP " + local + " (" + stateName + ")";
    }
    return "TCP " + local + " -> " + remote + " (" + stateName + ")";
  }

  /** {@code 0100007F:1F90} to {@code 127.0.0.1:8080}; the wildcard address prints as {@code *}. */
  static String endpoint(String hex) throws UnknownHostException {
    int colon = hex.indexOf(':');
    String address = hex.substring(0, colon);
    int port = Integer.parseInt(hex.substring(colon + 1), 16);
    // The kernel prints each 32-bit word of the address in host byte order (little-endian here).
    byte[] bytes = new byte[address.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int hexAt = (word * 4 + (3 - i)) * 2;
        bytes[word * 4 + i] = (byte) Integer.parseInt(address.substring(hexAt, hexAt + 2), 16);
      }
    }
    boolean wildcard = true;
    for (byte b : bytes) {
      wildcard &= b == 0;
    }
    if (wildcard) {
      return "*:" + port;
    }
    // getByAddress turns an IPv4-mapped IPv6 address (a dual-stack Java socket) into plain IPv4.
    InetAddress inet = InetAddress.getByAddress(bytes);
    return inet instanceof Inet6Address
        ? "[" + compress(inet.getHostAddress()) + "]:" + port
        : inet.getHostAddress() + ":" + port;
  }

  /** {@code 0:0:0:0:0:0:0:1} to {@code ::1}: the longest run of zero groups becomes {@code ::}. */
  static String compress(String ipv6) {
    String full = ":" + ipv6 + ":";
    String best = null;
    for (int n = 8; n >= 2 && best == null; n--) {
      String run = ":" + "0:".repeat(n);
      if (full.contains(run)) {
        best = run;
      }
    }
    if (best == null) {
      return ipv6;
    }
    String s = full.replaceFirst(java.util.regex.Pattern.quote(best), "::");
    if (s.startsWith(":") && !s.startsWith("::")) {
      s = s.substring(1);
    }
    if (s.endsWith(":") && !s.endsWith("::")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static void readUnix(Path table, Map<Long, String> out, Set<Long> peerClosed) {
    // A socket path may contain spaces: it is everything after the seventh field.
    for (String[] f : rows(table, 8)) {
      // Num RefCount Protocol Flags Type St Inode [Path]
      if (f.length < 7) {
        continue;
      }
      try {
        int refCount = Integer.parseInt(f[1], 16);
        int flags = Integer.parseInt(f[3], 16);
        int type = Integer.parseInt(f[4], 16);
        int state = Integer.parseInt(f[5], 16);
        String path = f.length > 7 ? f[7] : null;
        String typeName = type == 1 ? "stream" : type == 2 ? "datagram" : type == 5 ? "seqpacket" : "type " + type;
        // A connected socket is referenced by itself, its file and its peer; with the peer gone
        // the count drops to 2. (The table shows no peer; only sock_diag over netlink would.)
        boolean orphan = type == 1 && state == 3 && path == null && refCount == 2;
        String status = (flags & 0x10000) != 0 ? "listening"
            : orphan ? "peer closed" : state == 3 ? "connected" : null;
        if (orphan) {
          peerClosed.add(Long.parseLong(f[6]));
        }
        StringBuilder sb = new StringBuilder("Unix ").append(typeName).append(" socket ");
        if (path == null) {
          sb.append(status == null ? "(unnamed)" : "(unnamed, " + status + ")");
        } else {
          sb.append(path);
          if (status != null) {
            sb.append(" (").append(status).append(')');
          }
        }
        out.put(Long.parseLong(f[6]), sb.toString());
      } catch (RuntimeException e) {
        // Unparsable line: that socket stays described by its inode.
      }
    }
  }

  private static void readNetlink(Path table, Map<Long, String> out) {
    for (String[] f : rows(table)) {
      // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
      if (f.length < 10) {
        continue;
      }
      try {
        out.put(Long.parseLong(f[9]), "Netlink socket (protocol " + Integer.parseInt(f[1]) + ")");
      } catch (RuntimeException e) {
        // Unparsable line: that socket stays described by its inode.
      }
    }
  }

  /** The whitespace-separated fields of each line after the header; none when unreadable. */
  private static List<String[]> rows(Path table) {
    return rows(table, 0);
  }

  /** As {@link #rows(Path)}, with at most {@code limit} fields (the last keeps its spaces). */
  private static List<String[]> rows(Path table, int limit) {
    try {
      List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
      return lines.stream().skip(1).map(String::strip).filter(l -> !l.isEmpty())
          .map(l -> l.split("\\s+", limit)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SocketTable[%d sockets]", byInode.size());
  }
}
