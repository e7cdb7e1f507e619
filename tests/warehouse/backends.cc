#include "tests/warehouse/backends.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>

namespace minutes_test {

std::vector<Backend> Backends() {
  std::vector<Backend> out;
  out.push_back(Backend{
      "sqlite",
      [](std::string*) {
        static std::atomic<int> n{0};
        std::string path = ::testing::TempDir() + "/warehouse_" + std::to_string(::getpid()) + "_" +
                           std::to_string(n++) + ".db";
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
        return "sqlite:" + path;
      },
      [](minutes::warehouse::Warehouse* db, const std::string& table) {
        return db->Execute("CREATE TRIGGER \"refuse_" + table + "\" BEFORE INSERT ON \"" + table +
                           "\" BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
      }});
  return out;
}

}  // namespace minutes_test
