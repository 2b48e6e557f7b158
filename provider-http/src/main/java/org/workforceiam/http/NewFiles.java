package org.workforceiam.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Writes the files key tooling makes (private keys, certificates) as new files only: an existing
 * file is never overwritten, and a private key's file is created owner-only (mode 0600, where the
 * file system has POSIX permissions) from the start, never loosened after writing.
 */
public final class NewFiles {
  private NewFiles() {}

  /**
   * Creates a file that must not exist and writes ASCII text to it.
   *
   * @param file where to write
   * @param text the text, such as a PEM block
   * @param ownerOnly whether the file is created with mode 0600 (for a private key)
   * @param what what the file holds, for the message, such as {@code "a private key"}
   * @throws IamException.InvalidConfiguration when the file already exists; it is left untouched
   * @throws UncheckedIOException when writing fails
   */
  public static void create(Path file, String text, boolean ownerOnly, String what) {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(text, "text == null");
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attributes =
        ownerOnly && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes);
        Writer writer = Channels.newWriter(channel, StandardCharsets.US_ASCII)) {
      writer.write(text);
    } catch (FileAlreadyExistsException e) {
      throw new IamException.InvalidConfiguration(
          "the file "
              + file
              + " already exists; "
              + what
              + " is never overwritten: choose another path",
          ErrorDetails.none());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " to " + file, e);
    }
  }
}
