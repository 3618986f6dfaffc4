package dev.lifecycle.examples.web;

import dev.lifecycle.Enter;
import dev.lifecycle.Service;
import dev.lifecycle.WebEndpoint;
import dev.lifecycle.examples.model.ModelStats;
import dev.lifecycle.examples.model.Prediction;
import dev.lifecycle.examples.model.SentimentModel;
import dev.lifecycle.examples.model.SentimentTrainer;
import java.util.List;
import java.util.UUID;

/**
 * Web endpoints, the Java form of the reference's {@code @modal.fastapi_endpoint}: each method
 * answers one HTTP method and path, its parameters read from the JSON request body (or, for
 * {@code GET}, from the query string) by name, its result written back as JSON.
 *
 * <p>The model is trained in the snap hook, as in {@code SentimentService}: with a memory snapshot
 * every container starts with it. The endpoints are served only after every enter hook ran, so
 * no request ever sees a half-built model, and no listening socket exists at the snapshot point.
 *
 * <pre>
 * curl -X POST localhost:PORT/predict -d '{"text": "a wonderful film"}'
 * {"positive":true,"probabilityPositive":0.97,...}
 * </pre>
 */
@Service(enableMemorySnapshot = true, maxConcurrentInputs = 4)
public class SentimentApi {

  /** The answer for several texts at once. */
  public record Batch(List<Prediction> predictions, String containerId) {}

  private volatile SentimentModel model;
  private volatile String containerId;

  @Enter(snap = true)
  void loadModel() {
    model = SentimentTrainer.train();
  }

  @Enter
  void assignContainerId() {
    containerId = UUID.randomUUID().toString();
  }

  /** {@code POST /predict {"text": "..."}}. */
  @WebEndpoint(path = "/predict")
  public Prediction predict(String text) {
    return model.predict(text);
  }

  /** {@code POST /predict-batch {"texts": ["...", "..."]}}. */
  @WebEndpoint(path = "/predict-batch")
  public Batch predictBatch(List<String> texts) {
    return new Batch(texts.stream().map(model::predict).toList(), containerId);
  }

  /** {@code GET /stats}: the model's figures and this container's id. */
  @WebEndpoint(method = "GET", path = "/stats")
  public Stats stats() {
    return new Stats(containerId, model.stats());
  }

  /**
   * What {@code GET /stats} answers, as JSON.
   *
   * @param containerId the id of the container that answered
   * @param model the model's figures
   */
  public record Stats(String containerId, ModelStats model) {}
}
