package org.vigil.inventory.importing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Device.DeviceDeviceNameComponent;
import org.hl7.fhir.r4.model.Device.DeviceNameType;
import org.hl7.fhir.r4.model.Device.FHIRDeviceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.vigil.inventory.DeviceInput;

/**
 * Reads FHIR R4 {@code Device} resources (a Bundle of them, or one) with HAPI FHIR's R4 model and JSON parser, for
 * hospitals whose inventory lives in an EHR or asset system that speaks FHIR. Mapping: {@code udiCarrier}
 * (deviceIdentifier → udiDi, carrierHRF → udi), {@code manufacturer}, {@code deviceName} (model-name first, then
 * user-friendly, UDI label and any other name) with {@code modelNumber} appended when the name lacks it,
 * {@code version} (a software/firmware one first), {@code serialNumber}, {@code lotNumber}, {@code identifier}
 * (an asset tag first, else the first that is not a serial or UDI; else the resource id) → assetId,
 * {@code location} and {@code owner} displays → location and department. Devices entered in error are skipped.
 */
final class FhirDeviceReader {

    private FhirDeviceReader() {
    }

    static ParsedImport read(String text, String encoding) {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        IBaseResource resource;
        try {
            resource = parser.parseResource(text);
        } catch (DataFormatException e) {
            throw new ImportFormatException(1, "not a FHIR R4 resource in JSON: " + e.getMessage());
        }
        List<Integer> lines = FhirLines.entryLines(text);
        List<Device> devices = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Resource r = bundle.getEntry().get(i).getResource();
                if (r instanceof Device d) {
                    devices.add(d);
                    indexes.add(i);
                }
            }
        } else if (resource instanceof Device d) {
            devices.add(d);
            indexes.add(0);
        } else {
            throw new ImportFormatException(1, "expected a FHIR Bundle of Device resources or one Device, got "
                    + resource.fhirType());
        }
        List<ImportRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < devices.size(); k++) {
            Device d = devices.get(k);
            int index = indexes.get(k);
            int line = index < lines.size() ? lines.get(index) : 1;
            if (d.getStatus() == FHIRDeviceStatus.ENTEREDINERROR) {
                notes.add("entry [" + index + "] (line " + line + ") skipped: status entered-in-error");
                continue;
            }
            rows.add(new ImportRow(line, resource instanceof Bundle ? index : null, input(d), Map.of()));
        }
        if (resource instanceof Bundle b && devices.size() < b.getEntry().size()) {
            notes.add((b.getEntry().size() - devices.size()) + " bundle entries are not Device resources and were "
                    + "skipped");
        }
        return new ParsedImport(rows, List.of(), List.of(), new ImportResult.Read("fhir", encoding, null, null), notes);
    }

    private static DeviceInput input(Device d) {
        String udiDi = d.hasUdiCarrier() ? blank(d.getUdiCarrierFirstRep().getDeviceIdentifier()) : null;
        String udi = d.hasUdiCarrier() ? blank(d.getUdiCarrierFirstRep().getCarrierHRF()) : null;
        String model = model(d);
        return new DeviceInput(assetId(d), blank(d.getManufacturer()), model, version(d), udiDi, null, null, null,
                d.hasLocation() ? blank(display(d.getLocation().getDisplay(), d.getLocation().getReference())) : null,
                d.hasOwner() ? blank(d.getOwner().getDisplay()) : null, udi, blank(d.getSerialNumber()),
                blank(d.getLotNumber()));
    }

    private static String model(Device d) {
        String name = null;
        for (DeviceNameType type : List.of(DeviceNameType.MODELNAME, DeviceNameType.USERFRIENDLYNAME,
                DeviceNameType.UDILABELNAME, DeviceNameType.MANUFACTURERNAME, DeviceNameType.OTHER)) {
            for (DeviceDeviceNameComponent n : d.getDeviceName()) {
                if (name == null && n.getType() == type && blank(n.getName()) != null) {
                    name = n.getName().strip();
                }
            }
        }
        if (name == null && d.hasDeviceName()) {
            name = blank(d.getDeviceNameFirstRep().getName());
        }
        String number = blank(d.getModelNumber());
        if (number == null) {
            return name;
        }
        return name == null ? number : name.toLowerCase(Locale.ROOT).contains(number.toLowerCase(Locale.ROOT)) ? name
                : name + " " + number;
    }

    private static String version(Device d) {
        for (var v : d.getVersion()) {
            String type = v.hasType() ? (v.getType().getText() + " " + v.getType().getCodingFirstRep().getCode()
                    + " " + v.getType().getCodingFirstRep().getDisplay()).toLowerCase(Locale.ROOT) : "";
            if ((type.contains("software") || type.contains("firmware")) && blank(v.getValue()) != null) {
                return v.getValue().strip();
            }
        }
        return d.hasVersion() ? blank(d.getVersionFirstRep().getValue()) : null;
    }

    private static String assetId(Device d) {
        Identifier fallback = null;
        for (Identifier id : d.getIdentifier()) {
            String type = id.hasType() ? (id.getType().getText() + " " + id.getType().getCodingFirstRep().getCode())
                    .toLowerCase(Locale.ROOT) : "";
            if ((type.contains("asset") || type.contains("tag")) && blank(id.getValue()) != null) {
                return id.getValue().strip();
            }
            boolean serialOrUdi = type.contains("sno") || type.contains("serial") || type.contains("udi");
            if (fallback == null && !serialOrUdi && blank(id.getValue()) != null) {
                fallback = id;
            }
        }
        if (fallback != null) {
            return fallback.getValue().strip();
        }
        return d.hasIdElement() && d.getIdElement().hasIdPart() ? d.getIdElement().getIdPart() : null;
    }

    private static String display(String display, String reference) {
        return blank(display) != null ? display : reference;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
