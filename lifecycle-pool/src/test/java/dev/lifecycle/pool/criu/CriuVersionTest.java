package dev.lifecycle.pool.criu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CriuVersionTest {

  @Test
  void parsesWhatCriuPrints() {
    assertThat(CriuVersion.parse("Version: 4.1.1\n")).contains(new CriuVersion(4, 1, 1));
    assertThat(CriuVersion.parse("Version: 3.17.1\nGitID: v3.17.1\n")).contains(new CriuVersion(3, 17, 1));
    assertThat(CriuVersion.parse("Version: 4.1\n")).contains(new CriuVersion(4, 1, 0));
    assertThat(CriuVersion.parse("criu: command not understood")).isEmpty();
  }

  @Test
  void comparesNumericallyNotAsText() {
    assertThat(new CriuVersion(3, 17, 1).isAtLeast(CriuVersion.MINIMUM)).isFalse();
    assertThat(new CriuVersion(4, 0, 0).isAtLeast(CriuVersion.MINIMUM)).isFalse();
    assertThat(new CriuVersion(4, 1, 0).isAtLeast(CriuVersion.MINIMUM)).isTrue();
    assertThat(new CriuVersion(4, 10, 0).isAtLeast(new CriuVersion(4, 9, 3))).isTrue();
    assertThat(new CriuVersion(5, 0, 0).isAtLeast(CriuVersion.MINIMUM)).isTrue();
  }

  @Test
  void tellsLifecyclesBuildFromAStockCriu() {
    assertThat(CriuVersion.mapsPages("Version: 4.1.1\nLifecycle: map-pages\n")).isTrue();
    assertThat(CriuVersion.mapsPages("Version: 4.1.1\nGitID: v4.1.1\n")).isFalse();
    assertThat(CriuVersion.mapsPages("Version: 4.1.1 Lifecycle: map-pages\n")).isFalse();
    // A build of an earlier patch maps pages but has no restore server.
    assertThat(CriuVersion.servesRestores("Version: 4.1.1\nLifecycle: map-pages\n")).isFalse();
    assertThat(CriuVersion.servesRestores(
        "Version: 4.1.1\nLifecycle: map-pages\nLifecycle: restore-server\n")).isTrue();
  }

  @Test
  void printsLikeCriu() {
    assertThat(new CriuVersion(4, 1, 1)).hasToString("4.1.1");
    assertThat(new CriuVersion(4, 1, 0)).hasToString("4.1");
  }
}
