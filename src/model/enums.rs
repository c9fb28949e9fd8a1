//! The closed vocabularies of the input format. Each enum knows its YAML names, so the loader
//! can list what is allowed and suggest the nearest one.

/// Declares an enum whose variants are written in YAML as the given names.
macro_rules! yaml_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every allowed YAML name, in the order of the data model.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// Every value, in the same order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub fn from_name(text: &str) -> Option<Self> {
                match text {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }

            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

yaml_enum!(
    /// How a system is hosted.
    Drift {
        Saas = "saas",
        Paas = "paas",
        Iaas = "iaas",
        PrivatSky = "privat_sky",
        Fellessky = "fellessky",
        EgenDrift = "egen_drift",
    }
);

impl Drift {
    /// Everything but running it ourselves counts as cloud.
    pub fn is_cloud(self) -> bool {
        self != Drift::EgenDrift
    }
}

yaml_enum!(
    /// Where a system is in its life; `ukjent` when the inventory does not know (INV-01
    /// asks for it as if it were not given).
    Livslop {
        Planlagt = "planlagt",
        Innfasing = "innfasing",
        Aktiv = "aktiv",
        Utfasing = "utfasing",
        Avviklet = "avviklet",
        Ukjent = "ukjent",
    }
);

yaml_enum!(
    /// Who operates a system, apart from how it is hosted: the kommune's own IT, an
    /// inter-municipal IT partnership, or a supplier.
    DriftesAv {
        Kommunen = "kommunen",
        IktSamarbeid = "ikt_samarbeid",
        Leverandor = "leverandor",
    }
);

impl DriftesAv {
    /// Someone other than the kommune itself runs it, and so handles its data.
    pub fn is_other(self) -> bool {
        self != DriftesAv::Kommunen
    }
}

yaml_enum!(
    /// Whose system it is: the kommune's own, shared with others, run for several kommuner
    /// together, or a national solution the kommune uses.
    Eierskap {
        Egen = "egen",
        Delt = "delt",
        Interkommunal = "interkommunal",
        Nasjonal = "nasjonal",
    }
);

yaml_enum!(
    Programvaretype {
        Hyllevare = "hyllevare",
        TilpassetHyllevare = "tilpasset_hyllevare",
        Egenutviklet = "egenutviklet",
        Skreddersom = "skreddersom",
    }
);

yaml_enum!(
    /// Which personal data a system holds (saerlige = GDPR art. 9 special categories).
    Personopplysninger {
        Ingen = "ingen",
        Vanlige = "vanlige",
        Saerlige = "saerlige",
    }
);

yaml_enum!(
    Konklusjon {
        Sky = "sky",
        IkkeSky = "ikke_sky",
    }
);

yaml_enum!(
    /// Reasons a cloud assessment may give for running a system ourselves.
    Grunn {
        Sikkerhet = "sikkerhet",
        Responstid = "responstid",
        Kostnad = "kostnad",
        Juridisk = "juridisk",
        Funksjonell = "funksjonell",
        Leverandoravhengighet = "leverandoravhengighet",
        Annet = "annet",
    }
);

yaml_enum!(
    /// What makes a processing of personal data high risk (GDPR art. 35(1) and (3), and
    /// Datatilsynet's list of processing that needs a DPIA); special categories are
    /// `personopplysninger: saerlige`.
    HoyRisiko {
        Barn = "barn",
        StorSkala = "stor_skala",
        NyTeknologi = "ny_teknologi",
        Overvaking = "overvaking",
    }
);

yaml_enum!(
    /// What a `dpia` entry is: a full impact assessment, or the documented assessment of
    /// whether one is needed.
    DpiaType {
        Full = "full",
        Forvurdering = "forvurdering",
    }
);

yaml_enum!(
    ArkivMetode {
        Deponering = "deponering",
        Avlevering = "avlevering",
        Migrering = "migrering",
        Kassasjon = "kassasjon",
    }
);

yaml_enum!(
    /// A project's phase in Prosjektveiviseren, in order.
    Fase {
        Ide = "ide",
        Konsept = "konsept",
        Planlegge = "planlegge",
        Gjennomfore = "gjennomfore",
        Avslutte = "avslutte",
        Realisere = "realisere",
    }
);

yaml_enum!(
    Kategori {
        Tid = "tid",
        Kostnad = "kostnad",
        Kvalitet = "kvalitet",
    }
);

yaml_enum!(
    GevinstType {
        Kvantitativ = "kvantitativ",
        Kvalitativ = "kvalitativ",
    }
);
