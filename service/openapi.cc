// The OpenAPI 3.1 description of the service, with the document schema of `minutes schema` as its
// Document component, so the two never disagree.

#include <string>

#include "export/export.h"

namespace minutes::service {

std::string OpenApi() {
  std::string document = JsonSchema();
  while (!document.empty() && document.back() == '\n') document.pop_back();
  const std::string upload = R"({
        "required": true,
        "content": {
          "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}, "required": ["file"]}},
          "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
        }
      })";
  const std::string name =
      R"([{"name": "name", "in": "query", "required": false, "description": "the file's name, for a raw upload", "schema": {"type": "string"}}])";
  auto errors = [](const std::string& codes) {
    std::string out;
    for (size_t i = 0; i + 3 <= codes.size(); i += 4)
      out +=
          ",\n        \"" + codes.substr(i, 3) +
          R"(": {"description": "see error.kind", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})";
    return out;
  };
  return R"({
  "openapi": "3.1.0",
  "info": {"title": "minutes", "version": ")" +
         std::string(kSchemaVersion) +
         R"(", "description": "Validation and extraction of the meeting notes of English local-authority groups."},
  "paths": {
    "/healthz": {"get": {"summary": "liveness", "responses": {"200": {"description": "serving"}}}},
    "/": {"get": {"summary": "the upload page", "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
    "/api/v1/openapi.json": {"get": {"summary": "this description", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {}}}}}},
    "/api/v1/extract": {"post": {"summary": "everything extracted from one notes file", "parameters": )" +
         name + R"(, "requestBody": )" + upload + R"(, "security": [{}, {"bearer": []}],
      "responses": {
        "200": {"description": "the document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}})" +
         errors("400 401 405 413 422 503 ") + R"(}}},
    "/api/v1/validate": {"post": {"summary": "what to fix in one notes file", "parameters": )" +
         name + R"(, "requestBody": )" + upload + R"(, "security": [{}, {"bearer": []}],
      "responses": {
        "200": {"description": "the findings", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Validation"}}}})" +
         errors("400 401 405 413 422 503 ") + R"(}}},
    "/api/v1/text": {"post": {"summary": "the canonical text every span points into", "parameters": )" +
         name + R"(, "requestBody": )" + upload + R"(, "security": [{}, {"bearer": []}],
      "responses": {
        "200": {"description": "the text", "content": {"text/plain": {}}})" +
         errors("400 401 405 413 422 503 ") + R"(}}}
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "needed when the service was started with --token-file"}},
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["kind", "message"], "properties": {"kind": {"type": "string"}, "message": {"type": "string"}}}}},
      "Validation": {"type": "object", "required": ["path", "sha256", "valid", "findings"], "properties": {
        "path": {"type": "string"}, "sha256": {"type": "string"}, "valid": {"type": "boolean", "description": "no finding of severity error"},
        "findings": {"type": "array", "items": {"type": "object", "required": ["code", "severity", "message", "span"]}}}},
      "Document": )" +
         document + R"(
    }
  }
}
)";
}

}  // namespace minutes::service
