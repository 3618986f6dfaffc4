package dev.lifecycle.pool.criu;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list, written next to each page image of a checkpoint, of its pages that start as glibc's
 * header of a block its malloc mapped ({@code lifecycle-malloc-blocks-<id>.img}: the pages'
 * offsets in {@code pages-<id>.img}, 64-bit little-endian, ascending).
 *
 * <p>The criu that {@code lifecycle install-criu} builds maps a clone's pages from the image
 * instead of copying them, and must keep every such block's first page out of the mapping (see
 * the patch in {@code install-criu.sh}: glibc's realloc would otherwise grow a mapping of the
 * image's file). Without this list it looks at the first bytes of every page it maps, which
 * faults each page into every clone; with it, at the few listed ones. The list is a superset:
 * criu checks each listed header against the memory area it falls in. Made once per checkpoint
 * (it reads the whole image once, some 15 ms for 75 MB), part of the image and so covered by its
 * manifest; made for an engine that copies pages too, as a later restore of the image may map them.
 */
final class MallocBlockIndex {

  static final String FILE_PREFIX = "lifecycle-malloc-blocks-";

  private static final Pattern PAGE_IMAGE = Pattern.compile("pages-(\\d+)\\.img");
  /** The smallest page size criu maps with; a larger page size's starts are among these. */
  private static final int PAGE = 4096;
  /** glibc's flag of a block it mapped, in the low bits of the block's size. */
  private static final long IS_MMAPPED = 2;
  /** Read a chunk at a time, whole pages, into one buffer: the memory taken is bounded. */
  private static final int CHUNK = 256 * PAGE;

  private MallocBlockIndex() {}

  /** Writes the list of every page image in {@code imageDirectory}. */
  static void writeTo(Path imageDirectory) throws IOException {
    try (DirectoryStream<Path> images = Files.newDirectoryStream(imageDirectory, "pages-*.img")) {
      for (Path image : images) {
        Matcher id = PAGE_IMAGE.matcher(image.getFileName().toString());
        if (id.matches()) {
          write(image, imageDirectory.resolve(FILE_PREFIX + id.group(1) + ".img"));
        }
      }
    }
  }

  private static void write(Path image, Path list) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer offset = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel pages = FileChannel.open(image, StandardOpenOption.READ);
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(list))) {
      long position = 0;
      while (readFully(pages, chunk.clear(), position)) {
        for (int page = 0; page + 2 * Long.BYTES <= chunk.limit(); page += PAGE) {
          if (startsAsMappedBlock(chunk.getLong(page), chunk.getLong(page + Long.BYTES))) {
            out.write(offset.putLong(0, position + page).array());
          }
        }
        position += chunk.limit();
      }
    }
  }

  /** Fills {@code chunk} from {@code position} up to the file's end, flipped; false at the end. */
  private static boolean readFully(FileChannel file, ByteBuffer chunk, long position)
      throws IOException {
    while (chunk.hasRemaining()) {
      int read = file.read(chunk, position + chunk.position());
      if (read < 0) {
        break;
      }
    }
    chunk.flip();
    return chunk.hasRemaining();
  }

  /**
   * Whether a page's first two words are glibc's header of a block it mapped: no offset to a
   * previous block, a size of at least two whole pages, of the flags only "mmapped".
   */
  private static boolean startsAsMappedBlock(long previousSize, long sizeAndFlags) {
    long size = sizeAndFlags & ~7L;
    return previousSize == 0 && (sizeAndFlags & 7L) == IS_MMAPPED && size >= 2L * PAGE
        && size % PAGE == 0;
  }
}
