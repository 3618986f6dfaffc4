package dev.lifecycle.pool.internal.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.pool.internal.protocol.ArgumentCodec;
import dev.lifecycle.pool.internal.protocol.FrameChannel;
import dev.lifecycle.pool.internal.protocol.RemoteError;
import dev.lifecycle.pool.internal.protocol.RestoreStateLine;
import dev.lifecycle.pool.internal.protocol.WireMessage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import dev.lifecycle.runtime.events.Recorder;
import dev.lifecycle.runtime.spi.ServiceDescriptor;

/**
 * Runs every message type the worker reads or writes after a restore through the JSON mapper
 * once, before the checkpoint, and reads the declared types of every {@code @Method}: Jackson
 * builds its serializers and deserializers on first use, and the JVM links a record's {@code
 * equals} and {@code hashCode} (the type cache's keys) on first use, and the Flight Recorder makes
 * a handler for each event type on its first use, each of which would otherwise cost every
 * restored clone milliseconds on its first call. No service code runs.
 */
final class ProtocolWarmUp {

  private static final System.Logger LOG = System.getLogger(ProtocolWarmUp.class.getName());

  private ProtocolWarmUp() {}

  static void run(ServiceDescriptor service) {
    Recorder.prepare();
    try {
      ArgumentCodec.prepare(service);
      JsonNode value = ArgumentCodec.encodeValue(Map.of("warm", List.of(1, 2.5, "up", true)));
      List<WireMessage> messages = List.of(
          new WireMessage.Call(1, "warmUp", List.of(value)),
          new WireMessage.Stop("warm-up"),
          new WireMessage.CallResult(1, value),
          new WireMessage.CallFailed(1, RemoteError.of(RemoteError.Kind.USER, new IllegalStateException())),
          new WireMessage.PhaseChanged("RUNNING", 0, 0, "", null),
          new WireMessage.HookFinished(0, "ENTER_AFTER_SNAPSHOT", "a", "b", 0, 0, null),
          new WireMessage.Ready("", 1, 1, 1, null),
          new WireMessage.Hello("warm-up", 1, true, "warm-up"),
          new WireMessage.Stopped(null, List.of()),
          // Sent on the way to the checkpoint: their serializers made here, not there.
          new WireMessage.Quiescing(),
          new WireMessage.CheckpointReady(),
          new WireMessage.CheckpointRefused("warm-up"));
      for (WireMessage message : messages) {
        byte[] bytes = FrameChannel.JSON.writerFor(WireMessage.class).writeValueAsBytes(message);
        FrameChannel.JSON.readValue(bytes, WireMessage.class);
      }
      // Jackson drops its read-only map of serializers whenever it makes a serializer and builds
      // it again on the next write, going through every serializer it has: once more here, or
      // every clone does it on its first message, and compiles the loop doing it.
      FrameChannel.JSON.writerFor(WireMessage.class).writeValueAsBytes(messages.get(0));
      RestoreStateLine.read(new java.io.ByteArrayInputStream(RestoreStateLine.encode(
          new WireMessage.RestoreState("warm-up", "/", Map.of("K", "V"), true, null, "warm-up"))));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "protocol warm-up failed (harmless, only slower): " + e);
    }
  }
}
