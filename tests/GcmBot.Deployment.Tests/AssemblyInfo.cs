// Each test class starts two host processes, Redis and nginx: one at a time keeps them within the machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
