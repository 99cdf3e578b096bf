// docs/openapi.yaml describes every route the server has, and no route it does not have.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "api/routes.h"

namespace dangvu::api {
namespace {

std::set<std::string> documented_operations() {
  std::ifstream in(std::string(DANGVU_SOURCE_DIR) + "/docs/openapi.yaml");
  EXPECT_TRUE(in) << "docs/openapi.yaml not found";
  std::set<std::string> out;
  std::string path;
  bool in_paths = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("paths:", 0) == 0) {
      in_paths = true;
      continue;
    }
    if (!line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    if (line.rfind("  /", 0) == 0 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
    } else if (line.size() > 5 && line.rfind("    ", 0) == 0 && line[4] != ' ' &&
               line.back() == ':') {
      std::string method = line.substr(4, line.size() - 5);
      if (method == "get" || method == "post" || method == "delete" || method == "put" ||
          method == "patch") {
        for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out.insert(method + " " + path);
      }
    }
  }
  return out;
}

TEST(OpenApi, DescribesExactlyTheRoutesTheServerHas) {
  std::set<std::string> served;
  for (const auto& r : route_table()) served.insert(r.method + " " + r.path);
  const std::set<std::string> documented = documented_operations();
  for (const auto& op : served) {
    EXPECT_TRUE(documented.count(op)) << "route not described in docs/openapi.yaml: " << op;
  }
  for (const auto& op : documented) {
    EXPECT_TRUE(served.count(op)) << "docs/openapi.yaml describes a route that does not exist: "
                                  << op;
  }
  EXPECT_GE(served.size(), 20u);
}

}  // namespace
}  // namespace dangvu::api
