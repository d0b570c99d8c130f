using System.Globalization;
using System.Text;
using CsvHelper;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class CardCommands
{
    public const int MaxFieldLength = 2000;

    public static readonly ReplyForm Form = new("card", "Recommendation card", "Submit card",
    [
        new FormField("recommendation", "Recommendation for an actionable commitment", true, true, MaxFieldLength),
        new FormField("means", "Means of implementation", true, false, MaxFieldLength),
        new FormField("partnerships", "Partnerships", true, false, MaxFieldLength),
    ]);

    public static async Task<CommandResult> SubmitAsync(CommandContext context)
    {
        var delegation = context.RequireDelegation();
        var fields = Fields(context);
        if (fields is null)
        {
            return CommandResult.Of(Reply.Private("Fill in your recommendation; the means of implementation and partnerships help the rapporteur.") with { Form = Form });
        }

        var session = await context.ChannelSessionAsync(lateCards: true)
            ?? throw new CommandException("This channel is not bound to a session, so I don't know which action group the card is for. Submit it in the session's channel.");
        var card = new Card
        {
            SessionId = session.Id,
            DelegationId = delegation.Id,
            SubmittedByParticipantId = context.Participant.Id,
            Recommendation = fields.Value.Recommendation,
            Means = fields.Value.Means,
            Partnerships = fields.Value.Partnerships,
            SubmittedAt = context.Now,
        };
        context.Data.Add(card);
        await context.Data.FlushAsync(context.CancellationToken);
        var late = session.StartsAt <= context.Now && !session.IsOpen && (session.ClosedAt ?? session.EndsAt) <= context.Now
            ? $" {session.Code} has ended; late cards count for it until the next session in {session.Room} starts, today."
            : "";
        return CommandResult.Of(Reply.Private($"Card #{card.Id} saved for {session.Code} ({session.Dimension ?? session.Title}) on behalf of {delegation.Name}.{late} `card edit {card.Id}` or `card withdraw {card.Id}` change it.") with
        {
            Title = $"Card #{card.Id} received",
            Facts = CardFacts(card),
        });
    }

    public static async Task<CommandResult> EditAsync(CommandContext context)
    {
        var card = await OwnCardAsync(context);
        var fields = Fields(context);
        if (fields is null)
        {
            return CommandResult.Of(Reply.Private($"Edit card #{card.Id}.") with
            {
                Form = Form with
                {
                    Command = $"card edit",
                    Title = $"Edit card #{card.Id}",
                    SubmitLabel = "Save card",
                    Fields = [new FormField("id", "Card", false, true, 12, card.Id.ToString(CultureInfo.InvariantCulture)),
                        .. Form.Fields.Zip([card.Recommendation, card.Means, card.Partnerships], (f, v) => f with { Value = v })],
                },
            });
        }

        card.Recommendation = fields.Value.Recommendation;
        card.Means = fields.Value.Means;
        card.Partnerships = fields.Value.Partnerships;
        card.UpdatedAt = context.Now;
        return CommandResult.Of(Reply.Private($"Card #{card.Id} updated.") with { Facts = CardFacts(card) });
    }

    public static async Task<CommandResult> WithdrawAsync(CommandContext context)
    {
        var card = await OwnCardAsync(context);
        card.WithdrawnAt = context.Now;
        return CommandResult.Of(Reply.Private($"Card #{card.Id} withdrawn. It will not appear in the rapporteur's report."));
    }

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var all = context.Command["which"] == "all" || context.Delegation is null;
        var session = await context.TargetSessionAsync();
        if (all && !await context.ReportsOnAsync(session))
        {
            throw new CommandException(context.Delegation is null
                ? "Register with a delegation to see its cards (`register <delegation>`); all cards are for the session's moderator and rapporteur."
                : "`cards all` is for the session's moderator and rapporteur. `cards` shows your delegation's cards.");
        }

        var cards = (await context.Data.GetCardsAsync(session.Id, all ? null : context.Delegation!.Id, context.CancellationToken))
            .Where(c => !c.IsWithdrawn).ToList();
        var delegations = await context.Data.GetDelegationsAsync(cards.Select(c => c.DelegationId), context.CancellationToken);
        return CommandResult.Of(Reply.Private(cards.Count == 0 ? "No cards yet. `card` opens the form." : "") with
        {
            Title = all ? $"Cards for {session.Code} ({cards.Count})" : $"{context.Delegation!.Name}'s cards for {session.Code}",
            Items = [.. cards.Select((c, i) => new ListItem(c.Id, c.Recommendation,
                $"{delegations[c.DelegationId].Name} · means: {Or(c.Means)} · partnerships: {Or(c.Partnerships)}"))],
        });
    }

    public static async Task<CommandResult> ExportAsync(CommandContext context)
    {
        var session = await context.TargetSessionAsync();
        var cards = await context.Data.GetCardsAsync(session.Id, null, context.CancellationToken);
        var delegations = await context.Data.GetDelegationsAsync(cards.Select(c => c.DelegationId), context.CancellationToken);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(writer, SpreadsheetCsv.Configuration))
        {
            csv.WriteRecords(cards.Select(c => new
            {
                Card = c.Id,
                Session = session.Code,
                Dimension = session.Dimension ?? "",
                Delegation = delegations[c.DelegationId].Name,
                Category = CategoryNames.Display(delegations[c.DelegationId].Category),
                c.Recommendation,
                MeansOfImplementation = c.Means,
                c.Partnerships,
                SubmittedAt = context.Local(c.SubmittedAt, "yyyy-MM-dd HH:mm"),
                Status = c.IsWithdrawn ? "withdrawn" : c.UpdatedAt is null ? "submitted" : "edited",
            }));
        }

        var active = cards.Count(c => !c.IsWithdrawn);
        return CommandResult.Of(Reply.Private($"{active} card(s) for {session.Code}, {cards.Count - active} withdrawn.") with
        {
            Attachment = new Attachment($"cards-{session.Code}.csv", "text/csv", Encoding.UTF8.GetBytes(writer.ToString())),
        });
    }

    private static async Task<Card> OwnCardAsync(CommandContext context)
    {
        var id = context.Command.Number("id")!.Value;
        var card = await context.Data.GetCardAsync(id, context.CancellationToken);
        if (card is null || card.IsWithdrawn)
        {
            throw new CommandException($"There is no card #{id}. `cards` lists yours.");
        }

        if (card.DelegationId != context.Delegation?.Id && !context.IsOrganiser)
        {
            throw new CommandException($"Card #{id} belongs to another delegation; only its authors can change it.");
        }

        return card;
    }

    /// <summary>The three card fields from a form, or from <c>recommendation | means | partnerships</c> text.</summary>
    private static (string Recommendation, string Means, string Partnerships)? Fields(CommandContext context)
    {
        string recommendation, means, partnerships;
        if (context.Command["recommendation"] is { } fromForm)
        {
            (recommendation, means, partnerships) = (fromForm, context.Command["means"] ?? "", context.Command["partnerships"] ?? "");
        }
        else if (context.Command["card"] is { } text)
        {
            var parts = text.Split('|', 3, StringSplitOptions.TrimEntries);
            (recommendation, means, partnerships) = (parts[0], parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2) ?? "");
        }
        else
        {
            return null;
        }

        if (recommendation.Length == 0)
        {
            throw new CommandException("A card needs a recommendation: `card <recommendation> | <means of implementation> | <partnerships>`.");
        }

        if (new[] { recommendation, means, partnerships }.Any(f => f.Length > MaxFieldLength))
        {
            throw new CommandException($"Each part of a card is limited to {MaxFieldLength} characters; please shorten it (nothing was saved).");
        }

        return (recommendation, means, partnerships);
    }

    private static List<Fact> CardFacts(Card card) =>
    [
        new("Recommendation", card.Recommendation),
        new("Means of implementation", Or(card.Means)),
        new("Partnerships", Or(card.Partnerships)),
    ];

    private static string Or(string value) => value.Length == 0 ? "—" : value;
}
