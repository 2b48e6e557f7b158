package org.workforceiam.core.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a finished temporary snapshot file over the snapshot file. A seam so tests can simulate a
 * crash between writing the temporary file and the rename.
 */
@FunctionalInterface
interface FileMover {
  /** Renames atomically, replacing the target; fails where the file system cannot. */
  FileMover ATOMIC =
      (source, target) ->
          Files.move(
              source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

  /**
   * Moves {@code source} to {@code target}.
   *
   * @param source the temporary file, in the target's folder
   * @param target the snapshot file
   * @throws IOException when the move fails; the target is then unchanged
   */
  void move(Path source, Path target) throws IOException;
}
