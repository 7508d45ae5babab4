package org.vigil.matching;

import java.util.List;
import java.util.Random;

/**
 * Synthetic device rows with a realistic spread: most devices are common models of the large makers (written with
 * the usual name variants, versions often blank), some are models named in advisories, and a long tail of small
 * makers with their own model numbers.
 */
public final class SyntheticInventory {

    record Family(String[] makers, String model, String[] versions, String productCode) {
    }

    private static Family f(String makers, String model, String versions, String code) {
        return new Family(makers.split("\\|"), model, versions.split("\\|"), code);
    }

    static final List<Family> FAMILIES = List.of(
            f("Philips|Philips Healthcare|Philips Medical Systems|Phillips", "IntelliVue MX40 patient monitor", "B.06|B.06.50|C.00|", "MHX"),
            f("Philips|Philips Healthcare", "IntelliVue MX450", "J.10|L.01|", "MHX"),
            f("Philips|Philips Medical Systems", "IntelliVue MX800", "M.00|N.00|", "MHX"),
            f("Philips", "IntelliVue Information Center iX", "A.01|B.02|", "MHX"),
            f("GE Healthcare|General Electric|GE Medical Systems", "CARESCAPE B450", "2.0|2.1|", "MHX"),
            f("GE Healthcare|Datex-Ohmeda", "Aisys CS2 anesthesia", "11|12|", "BSZ"),
            f("GE Healthcare", "CARESCAPE Central Station", "2.0|", "DSI"),
            f("BD|Becton Dickinson|CareFusion", "Alaris PC Unit 8015", "9.19|9.33|12.1|", "FRN"),
            f("BD|CareFusion", "Alaris Pump Module 8100", "9.19|12.1|", "FRN"),
            f("BD", "Pyxis MedStation 4000", "1.6|", "LLZ"),
            f("Baxter|Baxter Healthcare Corporation", "Sigma Spectrum infusion pump", "6.02|8.00|", "FRN"),
            f("Hill-Rom|Hillrom|Baxter", "Welch Allyn Connex Spot Monitor", "1.3|1.5|", "DXN"),
            f("Medtronic|Medtronic Inc.", "MiniMed 508 insulin pump", "", "LZG"),
            f("Medtronic|Covidien", "Puritan Bennett 980 ventilator", "1.0|", "CBK"),
            f("Medtronic", "CareLink SmartSync 24970A", "2.0|", "DTB"),
            f("Contec Medical Systems Co., Ltd.|Contec|Contec Health", "CMS 8000", "FW v2.0.6|2.0.8|", "MHX"),
            f("Epsimed", "MN-120", "", "MHX"),
            f("B. Braun|B. Braun Medical Inc.|B. Braun Melsungen AG", "Infusomat Space", "686E|688F|", "FRN"),
            f("B. Braun Medical Inc.", "SpaceStation with SpaceCom 2", "012U000061|012U000093|", "FRN"),
            f("Dräger|Draeger|Drägerwerk AG & Co. KGaA", "Infinity Delta XL", "VF9.1|VG3.1|", "MHX"),
            f("Dräger|Draeger Medical GmbH", "Evita V500 ventilator", "2.51|", "CBK"),
            f("Fresenius Kabi|Fresenius Kabi USA", "Agilia Link+", "3.0 D15|3.3|", "FRN"),
            f("Hamilton Medical|Hamilton Medical AG", "HAMILTON-T1", "2.2.3|3.1.1|", "CBK"),
            f("Smiths Medical|Smiths Medical ASD, Inc.|ICU Medical", "Medfusion 4000", "1.1|1.5|1.6.1|", "FRN"),
            f("ICU Medical|Hospira", "Plum 360 infusion system", "15.1|15.2|", "FRN"),
            f("Abbott|St. Jude Medical", "Merlin@home transmitter", "8.2|", "DSI"),
            f("Siemens Healthineers|Siemens", "SOMATOM go.Up CT", "VA20|VA30|", "JAK"),
            f("Boston Scientific", "ZOOM LATITUDE Programmer/Recorder/Monitor 3120", "", "DTB"),
            f("Masimo", "Radical-7 Pulse CO-Oximeter", "7.1|", "DQA"),
            f("Nihon Kohden", "Central Monitor CNS-6201", "01-03|02-40|", "MHX"),
            f("Mindray", "BeneVision N12", "1.0|", "MHX"),
            f("Zoll|ZOLL Medical Corporation", "R Series ALS defibrillator", "", "MKJ"),
            f("Stryker|Stryker Medical", "S3 MedSurg bed 3005 with iBed Wireless", "", "FNL"),
            f("Roche|Roche Diagnostics", "Accu-Chek Inform II meter", "", "NBW"),
            f("Nonin Medical", "7500 digital pulse oximeter", "", "DQA"),
            f("Fisher & Paykel Healthcare", "F&P 950 humidifier", "", "BTT"),
            f("ResMed", "Astral 150 ventilator", "", "CBK"),
            f("Welch Allyn", "Spot Vital Signs 4400", "1.2|", "DXN"));

    /** Common devices that no advisory of the corpus names (most of a real inventory). */
    static final List<Family> UNNAMED = List.of(
            f("Philips|Philips Healthcare", "Efficia DFM100 defibrillator", "1.0|2.1|", "MKJ"),
            f("Philips", "PageWriter TC70 cardiograph", "D.01|", "DPS"),
            f("GE Healthcare|GE Medical Systems", "MAC 5500 HD resting ECG", "010B|", "DPS"),
            f("GE Healthcare", "Venue Go ultrasound", "R3|", "IYN"),
            f("GE Healthcare", "Giraffe OmniBed Carestation", "", "FMZ"),
            f("BD|Becton Dickinson", "BACTEC FX blood culture", "5.0|", "MDB"),
            f("BD", "Veritor Plus analyzer", "", "JJE"),
            f("Baxter|Baxter Healthcare Corporation", "Prismaflex CRRT", "8.10|8.20|", "KDI"),
            f("Baxter", "Novum IQ syringe pump", "1.0|", "FRN"),
            f("Medtronic|Covidien", "Kangaroo ePump enteral feeding pump", "", "LZH"),
            f("Medtronic", "Valleylab FT10 energy platform", "4.1|", "GEI"),
            f("Medtronic", "Nellcor PM1000N bedside SpO2", "1.2|", "DQA"),
            f("B. Braun|B. Braun Medical Inc.", "Perfusor Space syringe pump", "", "FRN"),
            f("Dräger|Draeger", "Babylog VN800 neonatal ventilator", "2.0|", "CBK"),
            f("Dräger", "Perseus A500 anesthesia workstation", "2.03|", "BSZ"),
            f("Fresenius Kabi", "Volumat Agilia", "", "FRN"),
            f("Hamilton Medical", "HAMILTON-C6 ICU ventilator", "", "CBK"),
            f("Smiths Medical|ICU Medical", "CADD-Solis ambulatory pump", "4.1|", "MEA"),
            f("Siemens Healthineers", "ACUSON Sequoia ultrasound", "VA10|", "IYN"),
            f("Siemens Healthineers", "Atellica Solution analyzer", "", "JJE"),
            f("Stryker", "ProCuity bed", "", "FNL"),
            f("Stryker", "Neptune 3 waste management", "", "JCX"),
            f("Zoll|ZOLL Medical Corporation", "AED Plus", "", "MKJ"),
            f("Masimo", "Rad-97 Pulse CO-Oximeter", "", "DQA"),
            f("Mindray", "SV300 ventilator", "", "CBK"),
            f("Nihon Kohden", "Cardiofax M ECG-1350", "", "DPS"),
            f("Olympus", "EVIS X1 endoscopy system", "", "FDS"),
            f("Karl Storz", "IMAGE1 S camera", "", "FET"),
            f("Getinge|Maquet", "Servo-u ventilator", "4.2|", "CBK"),
            f("Getinge", "Flow-i anesthesia", "4.7|", "BSZ"),
            f("Hillrom|Baxter", "Centrella Smart+ bed", "", "FNL"),
            f("Verathon", "BladderScan Prime Plus", "", "IYO"),
            f("Edwards Lifesciences", "HemoSphere monitor", "2.0|", "DQK"),
            f("Natus", "NicoletOne EEG", "5.9|", "GWQ"),
            f("Omnicell", "XT automated dispensing cabinet", "", "LLZ"),
            f("Terumo BCT", "Spectra Optia apheresis system", "", "LKN"),
            f("Fisher & Paykel Healthcare", "Airvo 2 humidifier", "", "BTT"),
            f("Laerdal Medical", "LSU suction unit", "", "JCX"),
            f("3M", "Bair Hugger 675 warming unit", "", "DWJ"),
            f("Medela", "Symphony breast pump", "", "HGX"));

    private static final String[] SMALL_MAKERS = {"Acme Biomed", "Northwind Medical", "Vandelay Instruments",
        "Initrode Health", "Umbrella Diagnostics", "Stark Clinical", "Wonka Sterile", "Tyrell Devices"};

    private SyntheticInventory() {
    }

    public record Row(String manufacturer, String model, String version, String productCode) {
    }

    public static Row next(Random r) {
        if (r.nextInt(100) < 15) {
            String maker = SMALL_MAKERS[r.nextInt(SMALL_MAKERS.length)];
            return new Row(maker, "Model " + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + "-"
                    + r.nextInt(10000), r.nextBoolean() ? "" : r.nextInt(5) + "." + r.nextInt(20), null);
        }
        // About a third of a hospital's connected devices are models some advisory names; most are not.
        List<Family> pool = r.nextInt(100) < 40 ? FAMILIES : UNNAMED;
        Family f = pool.get(r.nextInt(pool.size()));
        return new Row(f.makers()[r.nextInt(f.makers().length)], f.model(), f.versions()[r.nextInt(f.versions().length)],
                f.productCode());
    }
}
