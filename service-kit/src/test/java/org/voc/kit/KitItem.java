package org.voc.kit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

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
