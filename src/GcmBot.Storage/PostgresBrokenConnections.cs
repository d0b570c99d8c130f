using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace GcmBot.Storage;

/// <summary>
/// When PostgreSQL cuts its connections (a restart, a failover), every idle connection in the pool is dead, and
/// Npgsql finds that out only by using it: each would fail one more command after the server is back. At the first
/// such failure the pool is cleared, so that the next command opens a fresh connection. The pool is shared with
/// Hangfire (one connection string), which is cleared with it.
/// </summary>
internal sealed class PostgresBrokenConnections : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        ClearIfCut(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearIfCut(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private static void ClearIfCut(DbCommand command, Exception failure)
    {
        if (command.Connection is NpgsqlConnection connection && IsCut(failure))
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>The connection itself failed (I/O, the server shutting down or starting), not the statement.</summary>
    private static bool IsCut(Exception failure) => failure switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.InnerException is IOException or System.Net.Sockets.SocketException || npgsql.IsTransient,
        _ => false,
    };
}
