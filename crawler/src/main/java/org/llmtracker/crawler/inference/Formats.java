package org.llmtracker.crawler.inference;

import java.util.Set;

/** Hub tags and libraries that mark quantised or converted weights. */
final class Formats {

    static final Set<String> TAGS = Set.of("gguf", "ggml", "gptq", "awq", "exl2", "mlx", "4-bit", "8-bit", "bitsandbytes",
            "fp8", "compressed-tensors", "onnx", "openvino", "hqq", "aqlm", "quantized");

    static final Set<String> LIBRARIES = Set.of("gguf", "mlx", "onnx", "openvino", "ggml");

    private Formats() {
    }
}
