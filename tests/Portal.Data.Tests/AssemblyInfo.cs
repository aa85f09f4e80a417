// Test classes (one per suite and provider) run in parallel. Each test waits mostly on its own database (fsync on the
// SQLite file, round trips to PostgreSQL), so more collections run at once than there are cores.
[assembly: CollectionBehavior(MaxParallelThreads = 6)]
