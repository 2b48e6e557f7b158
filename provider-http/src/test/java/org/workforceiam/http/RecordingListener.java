package org.workforceiam.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.workforceiam.core.IamEventListener;

/** Keeps every event it receives, in order. */
final class RecordingListener implements IamEventListener {
  private final List<Record> events = new CopyOnWriteArrayList<>();

  @Override
  public void callStarted(CallStarted event) {
    events.add(event);
  }

  @Override
  public void callEnded(CallEnded event) {
    events.add(event);
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    events.add(event);
  }

  @Override
  public void rateLimitWait(RateLimitWait event) {
    events.add(event);
  }

  @Override
  public void tokenFetched(TokenFetched event) {
    events.add(event);
  }

  @Override
  public void pageFetched(PageFetched event) {
    events.add(event);
  }

  List<Record> events() {
    return List.copyOf(events);
  }

  <T extends Record> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
