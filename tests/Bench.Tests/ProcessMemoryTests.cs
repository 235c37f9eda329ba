using ChatbotOrleans.Bench.Measure;
using Shouldly;

namespace ChatbotOrleans.Bench.Tests;

public sealed class ProcessMemoryTests
{
    [Fact]
    public void The_gc_range_is_the_largest_run_of_adjacent_anonymous_mappings_and_only_its_anonymous_pages_count()
    {
        string[] smaps =
        [
            "55a91255b000-55a912af0000 rw-p 00000000 00:00 0                          [heap]",
            "Anonymous:          5728 kB",
            "7f6da0000000-7f6da4000000 rw-p 00000000 00:00 0 ",
            "Anonymous:           220 kB",
            // The GC's reservation: committed and reserved pieces, adjacent.
            "7f6dd3006000-7f6dd3406000 rw-p 00000000 00:00 0 ",
            "Anonymous:          4096 kB",
            "7f6dd3406000-7f7dd3006000 ---p 00000000 00:00 0 ",
            "Anonymous:             0 kB",
            "7f7dd3006000-7f7dd3106000 rw-p 00000000 00:00 0 ",
            "Anonymous:          1024 kB",
            // A file right after it is not part of it, nor is the anonymous mapping after the file.
            "7f7dd3106000-7f7dd3206000 r--p 00000000 fe:00 247629                     /usr/lib/libcrypto.so.3",
            "Anonymous:           392 kB",
            "7f7dd3206000-7f7dd3306000 rw-p 00000000 00:00 0 ",
            "Anonymous:           100 kB",
        ];

        ProcessMemory.PrivateInLargestReservation(smaps).ShouldBe((4096 + 1024) * 1024L);
    }

    [Fact]
    public void A_listing_of_this_process_finds_its_gc_range_holding_part_of_its_private_memory()
    {
        var inRange = ProcessMemory.PrivateInGcRange(Environment.ProcessId);

        inRange.ShouldBeGreaterThan(0);
        inRange.ShouldBeLessThan(ProcessMemory.PrivateBytes(Environment.ProcessId));
    }
}
