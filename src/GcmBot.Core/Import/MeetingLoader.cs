using System.Text.Json;
using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Import;

/// <summary>Reads a meeting file and stores it as the current meeting.</summary>
public static class MeetingLoader
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<MeetingFile> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        var file = await JsonSerializer.DeserializeAsync<MeetingFile>(json, _json, cancellationToken)
            ?? throw new FormatException("The meeting file is empty.");
        Validate(file);
        return file;
    }

    /// <summary>
    /// Stores the meeting; returns its id. Days are numbered from the first session's date. A sample (see
    /// <see cref="MeetingFile.LiveAt"/>) is moved by <see cref="LiveShift"/> so that it runs now.
    /// </summary>
    public static async Task<int> StoreAsync(IMeetingData data, MeetingFile file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(file.TimeZone);
        var shift = LiveShift(file, now);
        var meeting = new Meeting { Title = file.Title, Venue = file.Venue, TimeZoneId = file.TimeZone, LoadedAt = now };
        data.Add(meeting);
        await data.FlushAsync(cancellationToken);

        var firstDate = file.Sessions.Min(s => s.Date);
        foreach (var s in file.Sessions)
        {
            data.Add(new Session
            {
                MeetingId = meeting.Id,
                Code = s.Code,
                Title = s.Title,
                Kind = Enum.Parse<SessionKind>(s.Kind, ignoreCase: true),
                Day = s.Date.DayNumber - firstDate.DayNumber + 1,
                StartsAt = Instant(zone, s.Date, s.Start) + shift,
                EndsAt = Instant(zone, s.Date, s.End) + shift,
                Room = s.Room,
                Dimension = s.Dimension,
                Moderators = string.Join("; ", s.Moderators ?? []),
                Rapporteurs = string.Join("; ", s.Rapporteurs ?? []),
                Description = s.Description ?? "",
                Questions = string.Join('\n', s.Questions ?? []),
            });
        }

        var delegations = file.Delegations.Select(d => (File: d, Stored: new Delegation
        {
            MeetingId = meeting.Id,
            Name = d.Name,
            Category = CategoryNames.Parse(d.Category),
            Aliases = string.Join(',', d.Aliases ?? []),
        })).ToList();
        foreach (var (_, stored) in delegations)
        {
            data.Add(stored);
        }

        await data.FlushAsync(cancellationToken);
        foreach (var (d, stored) in delegations)
        {
            foreach (var (channel, id) in d.MemberIds.Distinct())
            {
                data.Add(new ApprovedMember { DelegationId = stored.Id, Channel = channel, ExternalId = id });
            }
        }

        await data.FlushAsync(cancellationToken);
        return meeting.Id;
    }

    /// <summary>
    /// How far a sample meeting is moved: none for a real meeting file or when <paramref name="now"/> falls within
    /// the sample's own days (a rehearsal clock set to them); otherwise one offset for every session, so that the
    /// file's <see cref="MeetingFile.LiveAt"/> is now (to the 5 minutes below) and all sessions keep their order,
    /// lengths and rooms at any hour.
    /// </summary>
    public static TimeSpan LiveShift(MeetingFile file, DateTimeOffset now)
    {
        if (file.LiveAt is not { } liveAt)
        {
            return TimeSpan.Zero;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(file.TimeZone);
        var first = file.Sessions.Min(s => Instant(zone, s.Date, s.Start));
        var last = file.Sessions.Max(s => Instant(zone, s.Date, s.End));
        if (now >= first && now < last)
        {
            return TimeSpan.Zero;
        }

        var step = TimeSpan.FromMinutes(5).Ticks;
        var laid = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % step), TimeSpan.Zero);
        return laid - Instant(zone, DateOnly.FromDateTime(liveAt), TimeOnly.FromDateTime(liveAt));
    }

    private static DateTimeOffset Instant(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static void Validate(MeetingFile file)
    {
        TimeZoneInfo.FindSystemTimeZoneById(file.TimeZone);
        if (file.Sessions.Count == 0)
        {
            throw new FormatException("The meeting file has no sessions.");
        }

        foreach (var session in file.Sessions)
        {
            if (!Enum.TryParse<SessionKind>(session.Kind, ignoreCase: true, out _))
            {
                throw new FormatException($"Session {session.Code}: unknown kind '{session.Kind}'.");
            }

            if (session.End <= session.Start)
            {
                throw new FormatException($"Session {session.Code}: it must end after it starts.");
            }
        }

        if (file.Sessions.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new FormatException($"Session code {duplicate.Key} is used twice.");
        }

        // The names rule of typed input, for the organisers' file too: the same meeting loads on both databases.
        var names = file.Sessions.SelectMany(s => new[] { s.Code, s.Title, s.Room })
            .Concat(file.Delegations.SelectMany(d => (d.Aliases ?? []).Prepend(d.Name)));
        if (names.Select(name => ControlCharacters.InName(name, "A name in the meeting file", Texts.English)).FirstOrDefault(refused => refused is not null) is { } badName)
        {
            throw new FormatException(badName);
        }

        foreach (var delegation in file.Delegations)
        {
            if (!CategoryNames.TryParse(delegation.Category, out _))
            {
                throw new FormatException($"Delegation {delegation.Name}: unknown category '{delegation.Category}'.");
            }

            if (delegation.Members?.FirstOrDefault(m => MeetingFileDelegation.IsEmailEntry(m) && !MeetingFileDelegation.IsValidEmail(MeetingFileDelegation.EmailOf(m))) is { } address)
            {
                throw new FormatException($"Delegation {delegation.Name}: member '{address}' is not an e-mail address: write it as name@domain, for example ana@example.org, without a display name or spaces.");
            }

            if (delegation.Members?.FirstOrDefault(m => !MeetingFileDelegation.IsEmailEntry(m) && (m.Split(':', 2, StringSplitOptions.TrimEntries) is not [var channel, { Length: > 0 and <= 200 }]
                || !MeetingFileDelegation.MemberChannels.Contains(channel.ToLowerInvariant()))) is { } member)
            {
                throw new FormatException($"Delegation {delegation.Name}: member '{member}' is neither channel:id, with channel one of {string.Join(", ", MeetingFileDelegation.MemberChannels)} (for example discord:112233445566778899), nor an e-mail address (ana@example.org).");
            }
        }

        // An address is one person, and a person joins one delegation: its invitation could not say which.
        if (file.Delegations.SelectMany(d => d.Emails.Select(email => (Email: email, d.Name))).GroupBy(e => e.Email, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1) is { } shared)
        {
            throw new FormatException($"The address {shared.Key} is listed for {string.Join(" and ", shared.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase))}: a person joins one delegation, so list it once.");
        }
    }
}
