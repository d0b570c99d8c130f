// Hangfire keeps its storage in static state (GlobalConfiguration, JobStorage.Current): hosts started by
// different test classes in this process must not run at the same time, or one host's backstop jobs
// could land in another host's storage.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
