package dev.warroom.metrics;

import com.fasterxml.jackson.databind.JsonNode;

/** A parsed JSON response and the HTTP status it came with. */
record JsonAnswer(int status, JsonNode body) {
}
