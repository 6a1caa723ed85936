/** One term of the course's glossary. */
export interface GlossaryEntry {
  /** The term as the lessons write it, e.g. `host vNIC`. */
  term: string;
  /** A definition in one or two sentences, in the course's words. */
  definition: string;
  /** The lesson that introduces the term (1 to 12). */
  lesson: number;
}

/**
 * The course's glossary: every term a lesson relies on, defined once. The site's glossary page renders
 * this list, and lessons define each term at first use in the same words; keep it sorted by term
 * (case-insensitive), which a unit test checks.
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: '5-tuple', lesson: 3, definition: 'The protocol, source and destination IP addresses and source and destination ports of a packet. Every packet of one TCP connection carries the same 5-tuple. The 4-tuple is the same without the protocol: the two addresses and the two ports.' },
  { term: '802.3ad', lesson: 10, definition: 'The Linux bonding mode that forms an LACP aggregate with the switch and picks a member per connection with xmit_hash_policy.' },
  { term: 'Address Hash', lesson: 2, definition: 'The Windows load-balancing algorithms that pick a member by hashing header fields: TransportPorts (addresses and ports), IPAddresses (addresses) and MacAddresses (MAC addresses).' },
  { term: 'ARP', lesson: 2, definition: 'Address Resolution Protocol: how a host learns the MAC address behind an IPv4 address. Whoever answers decides where the asker sends its frames.' },
  { term: 'balance-rr', lesson: 4, definition: 'The Linux bonding mode that sends packets on the members in turn: the only mode that spreads one TCP connection over several members, and so reorders it.' },
  { term: 'binding order', lesson: 2, definition: 'The order in which the members were added to a team. The first active member that is up, in binding order, is the primary.' },
  { term: 'bond', lesson: 2, definition: 'Linux\'s name for a team: several network adapters joined into one interface by the bonding driver.' },
  { term: 'bottleneck', lesson: 12, definition: 'The side of a drain that limits it (send, receive or both): the side that used fewer members and ran full. Neither means the links never filled.' },
  { term: 'bucket', lesson: 3, definition: 'One of the eight values a Catalyst EtherChannel hash produces; each link of the port channel owns some buckets, so three links share them 3:3:2.' },
  { term: 'congestion window', lesson: 4, definition: 'How much unacknowledged data a TCP sender allows itself in flight. It grows while ACKs arrive and is cut when the sender decides a segment was lost, which lowers the connection\'s rate.' },
  { term: 'connection', lesson: 1, definition: 'One TCP conversation between two endpoints, named by its 5-tuple. The course assumes one connection per VM migration, a working assumption that lesson 7 tests.' },
  { term: 'converged networking', lesson: 11, definition: 'Carrying several kinds of host traffic (management, storage, live migration, VMs) over one team through a Hyper-V switch, with a host vNIC per kind and QoS to share the bandwidth.' },
  { term: 'DCB', lesson: 11, definition: 'Data Center Bridging: switch and NIC features (PFC, ETS) that give a traffic class lossless delivery and a bandwidth share; RoCE needs them.' },
  { term: 'dirty page', lesson: 5, definition: 'A page of VM memory written after it was copied; a later pre-copy round must send it again.' },
  { term: 'downtime', lesson: 5, definition: 'The pause of a migrating VM during stop-and-copy: the last dirty pages and device state are sent while the VM is stopped.' },
  { term: 'drain', lesson: 5, definition: 'Moving every VM off a host, usually before maintenance: a queue of live migrations from one host.' },
  { term: 'duplicate ACK', lesson: 4, definition: 'An acknowledgement that repeats the last one because a segment arrived out of order; after a threshold of them a classic TCP sender assumes a loss.' },
  { term: 'Dynamic', lesson: 2, definition: 'The load-balancing algorithm of Windows Server 2012 R2 and later: it starts from the TransportPorts hash and moves a flow to another member at a flowlet boundary. Inbound, in Switch Independent mode, it works like Hyper-V Port (each vSwitch port\'s traffic arrives on the member that port sends on); with Static or Lacp the switch\'s hash decides.' },
  { term: 'ephemeral port', lesson: 3, definition: 'The source port a host picks for a new outgoing connection, from a range (49152 to 65535 on Windows).' },
  { term: 'EtherChannel', lesson: 3, definition: 'Cisco\'s name for a link aggregation group (port channel) on its switches.' },
  { term: 'experiment', lesson: 1, definition: 'A function of the course library that runs the model for one question and returns a claim, the measured figures, a verdict and a figure.' },
  { term: 'fast retransmit', lesson: 4, definition: 'A TCP sender resending a segment after a threshold of duplicate ACKs (3 by default), without waiting for its timer, and entering a recovery episode in which it may resend further segments.' },
  { term: 'finding', lesson: 1, definition: 'A result of the article the course reproduces, with the experiment that tests it and its verdict: holds or does not hold.' },
  { term: 'flow', lesson: 3, definition: 'Traffic the model treats as one unit for hashing and sharing: one direction of one connection.' },
  { term: 'flowlet', lesson: 2, definition: 'A burst of a flow between two pauses. Moving a flow to another member only at a pause keeps its packets in order.' },
  { term: 'fluid model', lesson: 4, definition: 'The course\'s simulation that moves bytes, not packets: transfers share each link fairly (max-min fair: no transfer can go faster without slowing one that is no faster), and the rates are recomputed whenever a transfer starts or ends.' },
  { term: 'GB, GiB', lesson: 5, definition: 'A GB is 10^9 bytes; a GiB is 2^30 bytes (about 1.074 GB). VM memory is given in GiB, amounts moved in GB.' },
  { term: 'Gbps', lesson: 1, definition: 'Gigabits per second, 10^9 bits per second: link speeds and rates.' },
  { term: 'goodput', lesson: 4, definition: 'The rate of useful data a connection delivers: payload only, without headers, gaps or retransmitted copies.' },
  { term: 'hash polarization', lesson: 11, definition: 'Two tiers of switches hashing the same fields the same way: the flows reaching the second switch all share the bits that chose its link, so part of its own bundle stays idle.' },
  { term: 'host vNIC', lesson: 2, definition: 'A virtual network adapter the Hyper-V switch gives the host itself (the management OS); host traffic such as live migration enters the team through it. Each host vNIC is one vSwitch port.' },
  { term: 'Hyper-V Port', lesson: 2, definition: 'The load-balancing algorithm that ties each vSwitch port to one member; everything a port sends leaves on that member.' },
  { term: 'iWARP', lesson: 11, definition: 'RDMA carried over TCP; it needs no lossless switch configuration.' },
  { term: 'jumbo frames', lesson: 11, definition: 'An MTU larger than 1500 bytes, usually 9000: fewer packets for the same data. They help only if every hop of the path is set to them.' },
  { term: 'LACP', lesson: 2, definition: 'Link Aggregation Control Protocol (IEEE 802.1AX): host and switch negotiate a link aggregation group and notice a miscabled or silent member. Windows\' `Lacp` teaming mode uses it.' },
  { term: 'LACP timer', lesson: 11, definition: 'How often LACP partners exchange messages: fast (every second, a partner declared gone after 3 s) or slow (every 30 s, gone after 90 s).' },
  { term: 'LAG', lesson: 11, definition: 'Link aggregation group: several links between two devices bundled into one logical link (a port channel on the switch, a switch-dependent team or an 802.3ad bond on the host).' },
  { term: 'LBFO', lesson: 10, definition: 'Load Balancing and Failover: Windows\' NIC Teaming (New-NetLbfoTeam), the teams of Windows Server 2012. SET replaces it under a Hyper-V switch from Windows Server 2016.' },
  { term: 'live migration', lesson: 1, definition: 'Moving a running VM from one Hyper-V host to another while it keeps running, by copying its memory over the network.' },
  { term: 'live-migration transport', lesson: 10, definition: 'How a live migration moves memory: TCP, Compression (compressed, then sent over TCP), or SMB (with Multichannel, or Direct over RDMA).' },
  { term: 'load-balancing algorithm', lesson: 2, definition: 'The team setting that decides which member sends each frame: an Address Hash variant, Hyper-V Port or Dynamic.' },
  { term: 'max-min fair', lesson: 8, definition: 'A way of sharing links: no flow can get more without taking from a flow that has the same rate or less. The fluid model shares bandwidth this way.' },
  { term: 'MaximumParallelMigrations', lesson: 11, definition: 'The failover-cluster property (Windows Server 2022 with the 2022-09 update and later, default 1) that sets how many live migrations each node takes part in, overriding the host setting.' },
  { term: 'member', lesson: 1, definition: 'One physical network adapter in a team or bond.' },
  { term: 'members\' worth', lesson: 4, definition: 'A rate divided by what one member delivers as payload (its speed times 1448/1500), so 2.0 means two members\' goodput.' },
  { term: 'min-links', lesson: 11, definition: 'A port-channel setting (Cisco `port-channel min-links`, Linux `min_links`) that takes the whole bundle down when fewer links than that remain.' },
  { term: 'MTU', lesson: 11, definition: 'Maximum transmission unit: the largest IP packet a link carries, 1500 bytes by default.' },
  { term: 'multi-chassis LAG', lesson: 11, definition: 'A link aggregation group whose links end on two switches that act as one (Cisco vPC, stacking, MLAG), so a switch-dependent team survives a switch failure.' },
  { term: 'NewReno', lesson: 4, definition: 'The classic TCP loss recovery (RFC 6582): after a fast retransmit it stays in recovery and resends the next missing segment on every partial ACK, so one recovery episode can resend many segments.' },
  { term: 'packet time', lesson: 4, definition: 'The time a member takes to put one full-sized packet on the wire: its size in bits divided by the member\'s speed, about 12 microseconds for 1500 bytes at 1 Gbps.' },
  { term: 'port channel', lesson: 2, definition: 'A link aggregation group on the switch: several ports treated as one logical port, with the switch\'s hash picking the link for each frame.' },
  { term: 'pre-copy', lesson: 5, definition: 'Migrating a VM by copying its memory while it runs, then resending the pages it dirtied, in rounds, before a short stop-and-copy.' },
  { term: 'primary member', lesson: 2, definition: 'The first active member, in binding order, whose link is up. In Switch Independent mode with Address Hash the team uses its MAC address and receives everything on it.' },
  { term: 'QoS weight', lesson: 11, definition: 'A minimum-bandwidth share given to a host vNIC or traffic class; a class gets at least its share when the link is busy, and more when others leave room.' },
  { term: 'RACK', lesson: 4, definition: 'A TCP loss detector (RFC 8985) that decides by time, not by counting duplicate ACKs, and so tolerates small reordering.' },
  { term: 'RDMA', lesson: 10, definition: 'Remote direct memory access: the adapters move data between the two hosts\' memory without the processors touching each packet. SMB Direct uses it.' },
  { term: 'RoCE', lesson: 11, definition: 'RDMA over Converged Ethernet: RDMA straight over Ethernet, which expects a lossless network (DCB with PFC).' },
  { term: 'RSS', lesson: 3, definition: 'Receive Side Scaling: a NIC hashes each received connection (Toeplitz) to pick the processor core that handles it, so different connections use different cores; one connection stays on one core.' },
  { term: 'SET', lesson: 10, definition: 'Switch Embedded Teaming (Windows Server 2016 and later): teaming built into the Hyper-V switch, always Switch Independent, with Hyper-V Port or Dynamic, and compatible with RDMA.' },
  { term: 'SI', lesson: 1, definition: 'Short for SwitchIndependent in figure labels, as in "SI TransportPorts": the Switch Independent teaming mode with that load-balancing algorithm.' },
  { term: 'simultaneous live migrations', lesson: 5, definition: 'The host setting (Set-VMHost -MaximumVirtualMachineMigrations, default 2) that caps how many live migrations run at once; a cluster may override it with MaximumParallelMigrations.' },
  { term: 'SMB Direct', lesson: 10, definition: 'SMB 3 over RDMA. As a live-migration transport it bypasses the team\'s hashing and most of the processors\' work.' },
  { term: 'SMB Multichannel', lesson: 10, definition: 'SMB 3 opening several TCP connections between client and server (4 per RSS-capable interface by default), each hashed on its own.' },
  { term: 'spurious retransmission', lesson: 4, definition: 'A resent segment whose first copy was not lost, only delayed, for example by reordering; it spends link capacity on data the receiver already has or will have.' },
  { term: 'SR-IOV', lesson: 11, definition: 'Single-root I/O virtualization: a VM gets a slice of the physical NIC (a virtual function) and bypasses the Hyper-V switch, and with it the host team.' },
  { term: 'stand-in hash', lesson: 3, definition: 'The documented hash the course uses in place of Windows\' unpublished Address Hash. Which member a given connection gets is the stand-in\'s answer, not Windows\'.' },
  { term: 'standby member', lesson: 2, definition: 'A team member that carries nothing until an active member fails.' },
  { term: 'Static', lesson: 2, definition: 'The teaming mode in which the switch ports are configured by hand as one link aggregation group, without LACP.' },
  { term: 'stop-and-copy', lesson: 5, definition: 'The last phase of a pre-copy migration: the VM is paused, the remaining dirty pages and state are sent, and it resumes on the target.' },
  { term: 'stream', lesson: 3, definition: 'The course uses it as the article does: the data of one TCP connection. "One stream, one member" means every packet of one connection leaves on the same member.' },
  { term: 'switch dependent', lesson: 2, definition: 'The Static and Lacp teaming modes: the switch treats the members as one port channel and picks the member for frames it sends to the team with its own hash.' },
  { term: 'Switch Independent', lesson: 2, definition: 'The teaming mode in which the switch knows nothing of the team; the team alone decides how it sends and, through the MAC addresses it shows, where traffic arrives.' },
  { term: 'team', lesson: 1, definition: 'Windows\' name for several network adapters joined into one interface (NIC Teaming, also called LBFO).' },
  { term: 'team MAC', lesson: 2, definition: 'The MAC address a team shows the network: the primary member\'s own address.' },
  { term: 'teaming mode', lesson: 2, definition: 'The team setting that says how much the switch takes part: SwitchIndependent, Static or Lacp.' },
  { term: 'Toeplitz hash', lesson: 3, definition: 'The keyed hash RSS uses, documented by Microsoft with test vectors; the course\'s stand-in for the Windows Address Hash is built on it.' },
  { term: 'VMQ', lesson: 11, definition: 'Virtual machine queue: a NIC receive queue for one vSwitch port, handled by one core. A team offers its members\' queues as Sum-of-Queues or Min-Queues.' },
  { term: 'vRSS', lesson: 11, definition: 'Virtual RSS: spreads a VM adapter\'s or (from Windows Server 2016) a host vNIC\'s received connections over several cores.' },
  { term: 'vSwitch port', lesson: 2, definition: 'A port of the Hyper-V virtual switch: each VM network adapter and each host vNIC has one.' },
  { term: 'xmit_hash_policy', lesson: 3, definition: 'The Linux bonding setting that picks the header fields a bond hashes: layer2 (MAC addresses, the default), layer2+3 (and IP addresses) or layer3+4 (IP addresses and ports).' },
];

/** The entry for a term (case-insensitive), or undefined. */
export function glossaryEntry(term: string): GlossaryEntry | undefined {
  const key = String(term).toLowerCase();
  return GLOSSARY.find((e) => e.term.toLowerCase() === key);
}
