package org.voc.kit;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of the test application. */
@Entity
@Table(name = "kit_item")
public class KitItem extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Version
    public long version;
}
