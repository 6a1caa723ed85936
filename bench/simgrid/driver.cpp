// SimGrid side of bench/simgrid.mjs: runs the flows of a file through SimGrid's CM02 network model (pure
// max-min, cross-traffic off, latency 0, TCP-gamma huge so no window bound) and prints each flow's
// completion time and the CPU time of the simulation.
//
// Input (text): "links N" then N bandwidths in bytes/s; "flows M" then M lines "start bytes sendLink
// receiveLink". Every flow crosses exactly its two links. Each link is its own host's one-way link, so a
// flow from link a to link b is a communication from host a to host b over the route [a, b].
// Output: one line per flow "index completion_time" (%.17g), then "cpu_ms X" (platform + run).
#include <simgrid/s4u.hpp>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace sg4 = simgrid::s4u;

struct Flow {
  double start;
  double bytes;
  int send;
  int receive;
};

static std::vector<Flow> flows;
static std::vector<double> done;
static std::vector<sg4::Host*> hosts;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: driver FLOWFILE [--cfg=...]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::string word;
  int linkCount = 0;
  in >> word >> linkCount;
  std::vector<double> bandwidth(linkCount);
  for (double& b : bandwidth) in >> b;
  int flowCount = 0;
  in >> word >> flowCount;
  flows.resize(flowCount);
  for (Flow& f : flows) in >> f.start >> f.bytes >> f.send >> f.receive;
  done.assign(flowCount, -1);

  std::clock_t cpu0 = std::clock();
  sg4::Engine e(&argc, argv);
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/crosstraffic:0");
  sg4::Engine::set_config("network/TCP-gamma:1e300");
  sg4::Engine::set_config("contexts/stack-size:64");
  auto* zone = sg4::create_full_zone("cluster");
  hosts.resize(linkCount);
  std::vector<sg4::Link*> links(linkCount);
  for (int l = 0; l < linkCount; l++) {
    hosts[l] = zone->create_host("h" + std::to_string(l), 1e9);
    links[l] = zone->create_link("l" + std::to_string(l), bandwidth[l])->set_latency(0)->seal();
  }
  std::map<std::pair<int, int>, bool> routed;
  for (const Flow& f : flows) {
    auto key = std::make_pair(f.send, f.receive);
    if (routed.count(key)) continue;
    routed[key] = true;
    zone->add_route(hosts[f.send]->get_netpoint(), hosts[f.receive]->get_netpoint(), nullptr, nullptr,
                    {sg4::LinkInRoute(links[f.send]), sg4::LinkInRoute(links[f.receive])}, false);
  }
  zone->seal();

  // One small actor per flow: it sleeps until the flow's start, sends, and notes the time it wakes up,
  // which is the moment the last byte arrived.
  for (int i = 0; i < flowCount; i++) {
    sg4::Actor::create("f" + std::to_string(i), hosts[flows[i].send], [i] {
      const Flow& f = flows[i];
      if (f.start > 0) sg4::this_actor::sleep_until(f.start);
      sg4::Comm::sendto(hosts[f.send], hosts[f.receive], f.bytes);
      done[i] = sg4::Engine::get_clock();
    });
  }
  e.run();
  double cpuMs = 1000.0 * (double)(std::clock() - cpu0) / CLOCKS_PER_SEC;
  for (int i = 0; i < flowCount; i++) std::printf("%d %.17g\n", i, done[i]);
  std::printf("cpu_ms %.3f\n", cpuMs);
  return 0;
}
