package uk.police.oversight.offender.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an offender lives (and is visited). */
@Embeddable
public class Address {

    @Column(name = "address_line1")
    public String line1;

    @Column(name = "address_line2")
    public String line2;

    public String town;

    public String postcode;
}
