#include "tests/warehouse/backends.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>

#include "tests/support/pg_server.h"

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
  out.push_back(Backend{
      "postgresql",
      [](std::string* why) -> std::string {
        PgServer* pg = SharedPgServer(why);
        if (pg == nullptr) return "";
        static std::atomic<int> n{0};
        std::string name = "warehouse_" + std::to_string(n++);
        minutes::Status s = pg->CreateDatabase(name);
        if (!s.ok()) {
          *why = s.ToString();
          return "";
        }
        return pg->Url(name);
      },
      [](minutes::warehouse::Warehouse* db, const std::string& table) {
        minutes::Status s = db->Execute(
            "CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
            "'BEGIN RAISE EXCEPTION ''refused by the test''; END'");
        if (!s.ok()) return s;
        return db->Execute("CREATE TRIGGER \"refuse_" + table + "\" BEFORE INSERT ON \"" + table +
                           "\" FOR EACH ROW EXECUTE FUNCTION refuse_insert()");
      }});
  return out;
}

}  // namespace minutes_test
