namespace GcmBot.Teams;

/// <summary>The app's own name and descriptions in each language but English (the manifest's), for its localisation files.</summary>
internal static class TeamsListingTexts
{
    public static IReadOnlyDictionary<string, (string FullName, string ShortDescription, string FullDescription)> ByLanguage { get; } =
        new Dictionary<string, (string, string, string)>
        {
            ["ar"] = (
                "GcmBot: قوائم المتكلمين وبطاقات التوصيات للاجتماعات الحكومية الدولية",
                "قوائم المتكلمين ومؤقتات الكلام وبطاقات التوصيات للاجتماعات.",
                "يدير GcmBot اجتماعا حكوميا دوليا في Teams: تطلب الوفود الكلمة وترى موقعها في قائمة المتكلمين، ويعطي مديرو الحوار الكلمة ويضبطون الوقت "
                    + "(الدول الأعضاء أولا، مع وقت محجوز لأصحاب المصلحة)، وتقدم الوفود بطاقات التوصيات ويصدّرها المقررون. وفي القنوات المرتبطة بجلسة، "
                    + "يقرأ GcmBot الرسائل المنشورة ما دامت الجلسة مفتوحة (بموافقة خاصة بالمورد ChannelMessage.Read.Group، وChatMessage.Read.Chat في الدردشات الجماعية) "
                    + "ويحفظها مداخلاتٍ لموجز المقرر؛ ولا يقرأ شيئا خارج الجلسات المفتوحة ولا يحفظ شيئا آخر."),
            ["zh"] = (
                "GcmBot：政府间会议的发言名单和建议卡",
                "会议发言名单、发言计时和建议卡。",
                "GcmBot 在 Teams 中协助举行政府间会议：代表团请求发言并查看自己在发言名单上的位置，主持人准予发言并掌握时间（会员国优先，并为利益攸关方保留时间），"
                    + "代表团提交建议卡，报告员将其导出。在绑定到某场会议的频道中，GcmBot 在会议开放期间读取发布的消息（资源特定同意 ChannelMessage.Read.Group，"
                    + "群聊中为 ChatMessage.Read.Chat），并将其保存为发言，供报告员撰写摘要；会议开放时间之外不读取任何内容，也不保存其他任何信息。"),
            ["fr"] = (
                "GcmBot : listes des orateurs et fiches de recommandation pour réunions intergouvernementales",
                "Listes des orateurs, chronomètre et fiches de recommandation pour les réunions.",
                "GcmBot conduit une réunion intergouvernementale dans Teams : les délégations demandent la parole et voient leur rang sur la liste des orateurs, "
                    + "les modérateurs donnent la parole et veillent au temps de parole (les États Membres d'abord, du temps étant réservé aux parties prenantes), "
                    + "les délégations soumettent des fiches de recommandation et les rapporteurs les exportent. Dans les canaux liés à une séance, GcmBot lit les messages "
                    + "publiés pendant que la séance est ouverte (consentement propre à la ressource ChannelMessage.Read.Group, et ChatMessage.Read.Chat dans les conversations de groupe) "
                    + "et les conserve comme interventions pour le résumé du rapporteur ; il ne lit rien en dehors des séances ouvertes et ne conserve rien d'autre."),
            ["ru"] = (
                "GcmBot: списки ораторов и карточки рекомендаций для межправительственных совещаний",
                "Списки ораторов, таймер выступлений и карточки рекомендаций для совещаний.",
                "GcmBot ведет межправительственное совещание в Teams: делегации просят слово и видят свое место в списке ораторов, модераторы предоставляют слово "
                    + "и следят за временем (сначала государства-члены, с отведенным временем для заинтересованных сторон), делегации подают карточки рекомендаций, "
                    + "а докладчики их выгружают. В каналах, привязанных к заседанию, GcmBot читает сообщения, опубликованные, пока заседание открыто "
                    + "(согласие на уровне ресурса ChannelMessage.Read.Group и ChatMessage.Read.Chat в групповых чатах), и сохраняет их как выступления для резюме докладчика; "
                    + "вне открытых заседаний он ничего не читает и ничего другого не хранит."),
            ["es"] = (
                "GcmBot: listas de oradores y fichas de recomendación para reuniones intergubernamentales",
                "Listas de oradores, cronómetro y fichas de recomendación para reuniones.",
                "GcmBot dirige una reunión intergubernamental en Teams: las delegaciones piden la palabra y ven su lugar en la lista de oradores, los moderadores dan la palabra "
                    + "y controlan el tiempo (primero los Estados Miembros, con tiempo reservado a las partes interesadas), las delegaciones presentan fichas de recomendación "
                    + "y los relatores las exportan. En los canales vinculados a una sesión, GcmBot lee los mensajes publicados mientras la sesión está abierta "
                    + "(consentimiento específico del recurso ChannelMessage.Read.Group, y ChatMessage.Read.Chat en los chats de grupo) y los conserva como intervenciones "
                    + "para el resumen del relator; no lee nada fuera de las sesiones abiertas ni guarda nada más."),
        };
}
